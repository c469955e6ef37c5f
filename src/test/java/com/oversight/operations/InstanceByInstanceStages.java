package com.oversight.operations;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.TransitionInstance;

/**
 * "Open cases by stage" as {@link ProcessFigures} counted it before it read the engine's
 * statistics: the leaves of each running instance's activity-instance tree. The reference of
 * {@code ProcessFiguresTest} and of the dashboard benchmark.
 */
public final class InstanceByInstanceStages {

  private InstanceByInstanceStages() {}

  /** The given instances by the activities where they wait (each instance once per activity). */
  public static Map<String, Set<String>> casesByActivity(RuntimeService runtime,
      List<ProcessInstance> running) {
    Map<String, Set<String>> cases = new TreeMap<>();
    for (ProcessInstance instance : running) {
      ActivityInstance tree = runtime.getActivityInstance(instance.getId());
      if (tree != null) {
        for (String activity : leaves(tree, new ArrayList<>())) {
          cases.computeIfAbsent(activity, a -> new HashSet<>()).add(instance.getId());
        }
      }
    }
    return cases;
  }

  private static List<String> leaves(ActivityInstance node, List<String> found) {
    for (TransitionInstance transition : node.getChildTransitionInstances()) {
      found.add(transition.getActivityId());
    }
    if (node.getChildActivityInstances().length == 0
        && node.getChildTransitionInstances().length == 0
        && node.getParentActivityInstanceId() != null) {
      found.add(node.getActivityId());
    }
    for (ActivityInstance child : node.getChildActivityInstances()) {
      leaves(child, found);
    }
    return found;
  }
}
