using DodoPayments.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DodoPayments.AspNetCore.Webhooks.Internal;

/// <summary>
/// The webhook endpoint: raw bytes (bounded) → <see cref="DodoWebhookProcessor"/> → status code and ProblemDetails.
/// Options are read per request, so a configuration reload (e.g. a new key) takes effect.
/// </summary>
/// <remarks>
/// Answers: 200 processed, processed before, or stored in the inbox; 401 any signature failure (one generic body, the
/// reason goes to the log); 413 body over the limit; 400 not a JSON object with a string <c>type</c>, a known type
/// whose data cannot be read, or a <c>webhook-id</c> over 256 characters; 409 the same <c>webhook-id</c> is being
/// processed right now (Dodo retries later); 500 a handler threw, or the store failed (Dodo's retry runs it again).
/// The processor gets no cancellation token from the request: a caller that hangs up does not cancel the handlers.
/// </remarks>
internal sealed class DodoWebhookEndpoint(
    IOptionsMonitor<DodoPaymentsOptions> options,
    DodoWebhookProcessor processor,
    DodoInstrumentation instrumentation,
    ILogger<DodoWebhookEndpoint> logger)
{
    public async Task HandleAsync(HttpContext context)
    {
        var settings = options.CurrentValue.Webhooks;
        var aborted = context.RequestAborted;

        // Let the server enforce the same limit while reading, whatever its own default (Kestrel's is 30 MB).
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeLimit)
        {
            sizeLimit.MaxRequestBodySize = settings.MaxRequestBodySize;
        }

        WebhookBody body;
        try
        {
            body = await WebhookBodyReader.ReadAsync(context.Request, settings.MaxRequestBodySize, aborted).ConfigureAwait(false);
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            body = WebhookBody.TooLarge;
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException && aborted.IsCancellationRequested)
        {
            return;
        }

        DodoWebhookOutcome outcome;
        using (body)
        {
            if (body.IsTooLarge)
            {
                logger.BodyTooLarge(settings.MaxRequestBodySize);
                instrumentation.BodyTooLarge();
                await Problem(context, StatusCodes.Status413PayloadTooLarge, "The webhook body is too large.").ConfigureAwait(false);
                return;
            }

            var headers = context.Request.Headers;
            // Entries are space-separated; a sender splitting them over several header lines is read the same way.
            var signatures = headers[WebhookHeaders.Signature];
            var signature = signatures.Count > 1 ? string.Join(' ', signatures.ToArray()) : signatures.ToString();
            outcome = await processor.ProcessAsync(
                context.RequestServices,
                body.Memory,
                headers[WebhookHeaders.Id],
                headers[WebhookHeaders.Timestamp],
                signature,
                CancellationToken.None).ConfigureAwait(false);
        }

        if (aborted.IsCancellationRequested && outcome.WebhookId is { } webhookId)
        {
            logger.CallerLeft(webhookId, outcome.EventType ?? string.Empty, outcome.Kind);
        }

        await (outcome.Kind switch
        {
            DodoWebhookOutcomeKind.Processed or DodoWebhookOutcomeKind.Duplicate or DodoWebhookOutcomeKind.Accepted => Ok(context),
            DodoWebhookOutcomeKind.Rejected => Problem(context, StatusCodes.Status401Unauthorized, "The webhook signature could not be verified."),
            DodoWebhookOutcomeKind.Invalid => Problem(context, StatusCodes.Status400BadRequest, "The webhook payload could not be read."),
            DodoWebhookOutcomeKind.InProgress => Problem(context, StatusCodes.Status409Conflict, "This webhook is being processed; retry later."),
            _ => Problem(context, StatusCodes.Status500InternalServerError, "The webhook could not be processed."),
        }).ConfigureAwait(false);
    }

    private static Task Ok(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        return Task.CompletedTask;
    }

    private static Task Problem(HttpContext context, int statusCode, string title) =>
        context.RequestAborted.IsCancellationRequested
            ? Task.CompletedTask
            : TypedResults.Problem(statusCode: statusCode, title: title).ExecuteAsync(context);
}
