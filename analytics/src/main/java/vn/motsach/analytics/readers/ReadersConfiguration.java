package vn.motsach.analytics.readers;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.motsach.analytics.streams.TopologyPart;

@Configuration(proxyBeanMethods = false)
class ReadersConfiguration {

    @Bean
    TopologyPart readerActivity() {
        return ReaderActivityTopology::build;
    }
}
