package com.oversight.identity;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The sign-in page of Oversight's own pages (the investigators' case pages); Spring Security
 * processes {@code POST /login} against Camunda's users ({@link SecurityConfig}).
 */
@Controller
public class LoginPageController {

  @GetMapping("/login")
  public ModelAndView login(@RequestParam(name = "error", required = false) String error,
      @RequestParam(name = "logout", required = false) String logout) {
    ModelAndView page = new ModelAndView("login");
    page.addObject("failed", error != null);
    page.addObject("signedOut", logout != null);
    return page;
  }
}
