package dev.cairn.order.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The product service's catalog API v2, as a MicroProfile Rest Client ({@code product-service/mp-rest/url}). */
@RegisterRestClient(configKey = "product-service")
@Path("/api/v2/products")
public interface ProductServiceClient {

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    ProductSnapshot product(@PathParam("id") String id);
}
