package com.creditscoring.datasets.boundary;

import com.creditscoring.auth.entity.Role;
import com.creditscoring.datasets.control.ColumnSummary;
import com.creditscoring.datasets.control.DatasetCatalog;
import com.creditscoring.datasets.entity.Dataset;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import com.creditscoring.problems.Problem.FieldError;
import com.creditscoring.problems.ProblemException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Training data for analysts: list, inspect, upload (CSV or ARFF) and remove. */
@Path("datasets")
@Produces(MediaType.APPLICATION_JSON)
@DenyAll
public class DatasetsResource {

  static final String ARFF = "application/x-arff";

  @Inject DatasetCatalog catalog;

  public record DatasetView(
      long id,
      String name,
      String source,
      String description,
      String target,
      String positiveClass,
      int rows,
      double defaultRate,
      Long parentId,
      long storedBytes,
      String checksum,
      String createdBy,
      Instant createdAt) {
    static DatasetView of(Dataset d) {
      return new DatasetView(
          d.id(), d.name(), d.source(), d.description(), d.targetColumn(), d.positiveClass(), d.rowCount(),
          d.defaultRate(), d.rootId().equals(d.id()) ? null : d.rootId(), d.contentBytes(), d.checksum(), d.createdBy(), d.createdAt());
    }
  }

  /** One dataset with its schema: each column's type, values or range, and missing count. */
  public record DatasetDetail(DatasetView dataset, List<ColumnSummary> columns) {}

  @GET
  @RolesAllowed({Role.ADMIN_NAME, Role.ANALYST_NAME})
  @Operation(summary = "All datasets, oldest first")
  public List<DatasetView> all() {
    return catalog.all().stream().map(DatasetView::of).toList();
  }

  @GET
  @Path("{id}")
  @RolesAllowed({Role.ADMIN_NAME, Role.ANALYST_NAME})
  @Operation(summary = "One dataset with its schema and summary statistics")
  public DatasetDetail one(@PathParam("id") long id) {
    Dataset dataset = catalog.find(id);
    return new DatasetDetail(DatasetView.of(dataset), catalog.columns(dataset));
  }

  @POST
  @Consumes({"text/csv", ARFF, "text/x-arff"})
  @RolesAllowed({Role.ADMIN_NAME, Role.ANALYST_NAME})
  @Operation(
      summary = "Upload a CSV (with a header row) or ARFF table with a binary target column",
      description =
          "The body is the file itself: curl --data-binary @loans.csv -H 'Content-Type: text/csv'"
              + " '/api/datasets?name=Loans 2025&target=loan_status'. Missing cells (empty, NA, ?)"
              + " are allowed. Every defect is reported with its row and column.")
  @APIResponse(responseCode = "201", description = "Registered; Location names it")
  @APIResponse(responseCode = "413", description = "Larger than HTTP_MAX_UPLOAD_BYTES")
  @APIResponse(responseCode = "422", description = "Defects, each with row and column")
  public Response upload(
      @QueryParam("name") String name,
      @QueryParam("target") String target,
      @QueryParam("positive") String positive,
      @HeaderParam("Content-Type") String contentType,
      InputStream body,
      @Context SecurityContext security,
      @Context UriInfo uri) {
    // Checked here, not with constraints on the parameters: Payara's OpenAPI scanner fails on those.
    List<FieldError> errors = new ArrayList<>();
    requireText("name", name, 200, errors);
    requireText("target", target, 128, errors);
    if (positive != null && positive.length() > 128) {
      errors.add(new FieldError("positive", "size must be between 0 and 128"));
    }
    if (!errors.isEmpty()) {
      throw ProblemException.invalid("The request has " + errors.size() + " invalid field(s).", errors);
    }
    boolean arff = contentType != null && contentType.contains("arff");
    Dataset dataset =
        catalog.upload(body, arff, name.strip(), target.strip(), Optional.ofNullable(positive), security.getUserPrincipal().getName());
    return Response.created(uri.getAbsolutePathBuilder().replaceQuery(null).path(dataset.id().toString()).build())
        .entity(DatasetView.of(dataset))
        .build();
  }

  private static void requireText(String field, String value, int max, List<FieldError> errors) {
    if (value == null || value.isBlank()) {
      errors.add(new FieldError(field, "must not be blank"));
    } else if (value.length() > max) {
      errors.add(new FieldError(field, "size must be between 1 and " + max));
    } else if (value.chars().anyMatch(Character::isISOControl)) {
      // A name is shown in lists, reports and PDFs: a NUL or a line break there is never meant.
      errors.add(new FieldError(field, "must not contain control characters"));
    }
  }

  @DELETE
  @Path("{id}")
  @RolesAllowed(Role.ADMIN_NAME)
  @Operation(summary = "Remove a dataset")
  @APIResponse(responseCode = "204", description = "Removed")
  public void delete(@PathParam("id") long id) {
    catalog.delete(id);
  }
}
