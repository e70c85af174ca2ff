package dev.cairn.commons.health;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import org.bson.Document;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs {@code ping} on MongoDB through the reactive driver. */
final class MongoProbe implements DatastoreProbe {

    private final MongoClient client;

    MongoProbe(String uri) {
        this.client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri))
                .applyToClusterSettings(c -> c.serverSelectionTimeout(2, TimeUnit.SECONDS))
                .applyToSocketSettings(s -> s.connectTimeout(2, TimeUnit.SECONDS).readTimeout(2, TimeUnit.SECONDS))
                .build());
    }

    @Override
    public String name() {
        return "mongo";
    }

    @Override
    public String check(Duration timeout) throws Exception {
        CompletableFuture<Document> answer = new CompletableFuture<>();
        client.getDatabase("admin").runCommand(new Document("ping", 1)).subscribe(new Subscriber<>() {
            @Override
            public void onSubscribe(Subscription subscription) {
                subscription.request(1);
            }

            @Override
            public void onNext(Document document) {
                answer.complete(document);
            }

            @Override
            public void onError(Throwable error) {
                answer.completeExceptionally(error);
            }

            @Override
            public void onComplete() {
                answer.complete(null);
            }
        });
        Document result = answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        return result != null && result.get("ok") instanceof Number ok && ok.doubleValue() == 1.0
                ? null : "unexpected ping answer: " + result;
    }

    @Override
    public void close() {
        client.close();
    }
}
