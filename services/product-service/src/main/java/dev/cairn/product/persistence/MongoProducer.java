package dev.cairn.product.persistence;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoDatabase;
import dev.cairn.commons.config.ConfigValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

import java.util.concurrent.TimeUnit;

/** The reactive MongoDB client and the service's database ({@code cairn.mongo.uri}, {@code cairn.mongo.database}). */
@ApplicationScoped
public class MongoProducer {

    @Produces
    @ApplicationScoped
    MongoClient client(Config config, @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE) MetricRegistry metrics) {
        String uri = ConfigValues.requireUri(config, "cairn.mongo.uri", "set it to e.g. mongodb://127.0.0.1:27017",
                "mongodb", "mongodb+srv").toString();
        MongoClientSettings settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(3, TimeUnit.SECONDS))
                .applyToSocketSettings(socket -> socket.connectTimeout(3, TimeUnit.SECONDS).readTimeout(10, TimeUnit.SECONDS))
                .addCommandListener(new MongoCommandMetrics(metrics))
                .applicationName("cairn-product-service")
                .build();
        return MongoClients.create(settings);
    }

    @Produces
    @ApplicationScoped
    MongoDatabase database(MongoClient client, Config config) {
        return client.getDatabase(ConfigValues.require(config, "cairn.mongo.database",
                "set the product service's database name, e.g. cairn_products"));
    }

    void close(@Disposes MongoClient client) {
        client.close();
    }
}
