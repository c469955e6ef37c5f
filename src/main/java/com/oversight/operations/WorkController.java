package com.oversight.operations;

import com.oversight.platform.work.BackgroundWork;
import com.oversight.platform.work.WorkStatus;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Progress of long work: the caller's own, or work of a kind their groups may read. */
@RestController
@RequestMapping("/api/work")
@Tag(name = "Long work", description = "Progress and results of long work started elsewhere")
public class WorkController {

  private final BackgroundWork work;

  public WorkController(BackgroundWork work) {
    this.work = work;
  }

  @GetMapping
  @Operation(summary = "The caller's own long work, newest first (without results)")
  public List<WorkStatus> mine(Principal caller) {
    return work.startedBy(caller.getName());
  }

  @GetMapping("/{workId}")
  @Operation(summary = "Where a piece of long work stands, with its result once done")
  public WorkStatus status(@PathVariable String workId, Authentication caller) {
    return work.status(workId, caller.getName(), groups(caller));
  }

  /** The caller's groups, from their {@code ROLE_<group>} authorities. */
  public static List<String> groups(Authentication caller) {
    return caller.getAuthorities().stream().map(GrantedAuthority::getAuthority)
        .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).toList();
  }
}
