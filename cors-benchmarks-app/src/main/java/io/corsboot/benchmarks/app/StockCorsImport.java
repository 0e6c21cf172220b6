package io.corsboot.benchmarks.app;

import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;

/**
 * The sample's Spring {@code CorsFilter} or {@code CorsWebFilter} with the policies of {@code cors.*}, in place of
 * the starter with the {@code stock-cors} profile: the same baseline as {@code scripts/load.sh}.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(basePackages = "io.corsboot.sample", useDefaultFilters = false,
        includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
                pattern = "io\\.corsboot\\.sample\\.StockCorsConfiguration"))
class StockCorsImport {

}
