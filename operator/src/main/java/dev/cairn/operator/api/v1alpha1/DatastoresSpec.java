package dev.cairn.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * The datastores and brokers the services use. Each one is a URL or a reference to a Secret key holding it; an
 * unset one leaves the services' own default (a local address, useful only for development).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DatastoresSpec {

    @JsonPropertyDescription("PostgreSQL server (CAIRN_POSTGRES_URL), a JDBC URL without the database, "
            + "e.g. jdbc:postgresql://postgres:5432/.")
    private DatastoreRef postgres;

    @JsonPropertyDescription("MongoDB (CAIRN_MONGO_URI), e.g. mongodb://mongo:27017.")
    private DatastoreRef mongo;

    @JsonPropertyDescription("Redis (CAIRN_REDIS_URL), e.g. redis://redis:6379.")
    private DatastoreRef redis;

    @JsonPropertyDescription("RabbitMQ (CAIRN_RABBITMQ_URL), e.g. amqp://user:password@rabbitmq:5672.")
    private DatastoreRef rabbitmq;

    @JsonPropertyDescription("Kafka bootstrap servers (CAIRN_KAFKA_BOOTSTRAP), e.g. kafka:9092.")
    private DatastoreRef kafka;

    public DatastoreRef getPostgres() {
        return postgres;
    }

    public void setPostgres(DatastoreRef postgres) {
        this.postgres = postgres;
    }

    public DatastoreRef getMongo() {
        return mongo;
    }

    public void setMongo(DatastoreRef mongo) {
        this.mongo = mongo;
    }

    public DatastoreRef getRedis() {
        return redis;
    }

    public void setRedis(DatastoreRef redis) {
        this.redis = redis;
    }

    public DatastoreRef getRabbitmq() {
        return rabbitmq;
    }

    public void setRabbitmq(DatastoreRef rabbitmq) {
        this.rabbitmq = rabbitmq;
    }

    public DatastoreRef getKafka() {
        return kafka;
    }

    public void setKafka(DatastoreRef kafka) {
        this.kafka = kafka;
    }
}
