package io.jenkins.plugins.multiarch.steps;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.multiarch.actions.MultiArchBuildAction;
import io.jenkins.plugins.multiarch.actions.MultiArchProjectAction;
import io.jenkins.plugins.multiarch.actions.MultiArchPublishAction;
import io.jenkins.plugins.multiarch.engine.registry.auth.Credentials;
import io.jenkins.plugins.multiarch.freestyle.MultiArchPublisher;
import io.jenkins.plugins.multiarch.model.BuildArguments;
import io.jenkins.plugins.multiarch.model.BuildSpec;
import io.jenkins.plugins.multiarch.model.RegistryChoice;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What Jenkins stores holds no secret: the run's actions (build.xml, by XStream: every non-transient field), the
 * step executions (program.dat) and the steps themselves (their arguments are recorded). Walks the fields of those
 * classes and of every type of ours they reach; the types that do carry the password (the lookup result and the
 * callables sent to the agent) must not be reachable.
 */
class PersistedFieldsTest {

    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(password|secret|token|passphrase).*");
    private static final Set<String> FORBIDDEN_TYPES = Set.of("hudson.util.Secret", "char[]",
            Credentials.class.getName(), RegistryLogin.class.getName(), BuildOnAgent.class.getName(),
            PublishJob.class.getName(), PublishOnAgent.class.getName(), AgentLogins.class.getName());

    @Test
    void nothingPersistedReachesASecret() {
        List<String> problems = new ArrayList<>();
        for (Class<?> persisted : List.of(MultiArchBuildAction.class, MultiArchPublishAction.class,
                MultiArchProjectAction.class, MultiArchBuildStep.Execution.class, MultiArchPublishStep.Execution.class,
                MultiArchBuildStep.class, MultiArchPublishStep.class, MultiArchPublisher.class,
                RegistryCredential.class)) {
            walk(persisted, persisted.getSimpleName(), new HashSet<>(), problems);
        }
        assertThat(problems, empty());
    }

    @Test
    void theWalkFindsASecretWhereThereIsOne() {
        List<String> problems = new ArrayList<>();
        walk(Leaky.class, "Leaky", new HashSet<>(), problems);
        assertThat(problems, containsInAnyOrder(
                "Leaky.login: type " + RegistryLogin.class.getName(),
                "Leaky.apiToken: named like a secret",
                "Leaky.jobs: type " + PublishJob.class.getName()));
    }

    @Test
    void theExecutionsKeepTheirStepOutOfProgramDat() throws NoSuchFieldException {
        for (Class<?> execution : List.of(MultiArchBuildStep.Execution.class, MultiArchPublishStep.Execution.class)) {
            assertTrue(Modifier.isTransient(execution.getDeclaredField("step").getModifiers()),
                    execution.getName() + ".step is transient");
        }
    }

    @Test
    void theCarriersOfThePasswordNeverShowIt() {
        String password = "hunter2-" + System.nanoTime();
        RegistryLogin login = RegistryLogin.of("bob", password);
        BuildSpec spec = BuildSpec.resolve(new BuildArguments().image("registry.example.com/app").credentialsId("c"),
                Map.of(), "auto", RegistryChoice.NONE);
        assertThat(login.toString(), not(containsString(password)));
        assertThat(new BuildOnAgent(spec, "/tmp/x", Map.of(), null, login).toString(), not(containsString(password)));
        AgentLogins logins = new AgentLogins("registry.example.com", login, Map.of("ghcr.io", RegistryLogin.of("x", password)));
        assertThat(logins.toString(), not(containsString(password)));
        assertThat(logins.secrets(), hasItem(password));
    }

    @SuppressWarnings("unused")
    private static final class Leaky {
        private RegistryLogin login;
        private String apiToken;
        private transient String password; // transient: not stored
        private List<PublishJob> jobs;
        private String image;
    }

    private static void walk(Class<?> type, String path, Set<Class<?>> seen, List<String> problems) {
        if (!seen.add(type)) {
            return;
        }
        for (Class<?> c = type; c != null && ours(c); c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (Modifier.isStatic(modifiers) || Modifier.isTransient(modifiers) || field.isSynthetic()) {
                    continue;
                }
                String where = path + "." + field.getName();
                if (SECRET_NAME.matcher(field.getName()).matches()) {
                    problems.add(where + ": named like a secret");
                }
                for (Class<?> reached : types(field.getGenericType())) {
                    if (FORBIDDEN_TYPES.contains(reached.getTypeName())
                            || reached.getName().startsWith("com.cloudbees.plugins.credentials.")) {
                        problems.add(where + ": type " + reached.getTypeName());
                    } else if (ours(reached)) {
                        walk(reached, where, seen, problems);
                    }
                }
            }
        }
    }

    private static boolean ours(Class<?> c) {
        return c.getName().startsWith("io.jenkins.plugins.multiarch.");
    }

    /** The class of a field's type and of its type arguments (List<PublishJob> reaches PublishJob). */
    private static List<Class<?>> types(Type type) {
        List<Class<?>> classes = new ArrayList<>();
        if (type instanceof Class<?> c) {
            classes.add(c);
        } else if (type instanceof ParameterizedType p) {
            classes.addAll(types(p.getRawType()));
            for (Type argument : p.getActualTypeArguments()) {
                classes.addAll(types(argument));
            }
        }
        return classes;
    }
}
