// Compile-only stub of hudson.tasks.BuildStepMonitor
// from org.jenkins-ci.main:jenkins-core:2.555.3 (jenkinsci/jenkins, tag jenkins-2.555.3).
// Only the members the plugin uses, with their real signatures; every body throws. Never shipped.
// The constants' perform(BuildStep, AbstractBuild, Launcher, BuildListener) bodies left out.
package hudson.tasks;

public enum BuildStepMonitor {
    NONE,
    STEP,
    BUILD
}
