package vn.motsach.command.web;

import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;
import vn.motsach.command.execution.CommandExecutor;

/** The command side's web edge: its answers, and how they are documented. Public for the web slice of tests. */
@Configuration(proxyBeanMethods = false)
public class CommandWebConfiguration {

    @Bean
    CommandResponses commandResponses(CommandExecutor commands, JsonMapper json) {
        return new CommandResponses(commands, json);
    }

    @Bean
    GlobalOperationCustomizer commandAnswersDocumented() {
        return new CommandAnswersDocumented();
    }
}
