package vn.motsach.command.web;

import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;
import vn.motsach.command.execution.CommandExecutor;

@Configuration(proxyBeanMethods = false)
class CommandWebConfiguration {

    @Bean
    CommandResponses commandResponses(CommandExecutor commands, JsonMapper json) {
        return new CommandResponses(commands, json);
    }

    @Bean
    GlobalOperationCustomizer commandAnswersDocumented() {
        return new CommandAnswersDocumented();
    }
}
