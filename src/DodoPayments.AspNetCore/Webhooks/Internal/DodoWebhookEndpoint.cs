using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DodoPayments.AspNetCore.Webhooks.Internal;

/// <summary>
/// The webhook endpoint: raw bytes (bounded) → signature over exactly those bytes → envelope → typed event →
/// exactly-once dispatch. Options are read per request, so a configuration reload (e.g. a new key) takes effect.
/// </summary>
/// <remarks>
/// Answers: 200 processed or already processed; 401 any signature failure (one generic body, the reason goes to the
/// log); 413 body over the limit; 400 not JSON, or a known type whose data cannot be read; 409 the same
/// <c>webhook-id</c> is being processed by another delivery right now (Dodo retries later, and by then it is
/// processed, or released after a failure); 500 a handler threw (the claim is released, so the retry runs it).
/// </remarks>
internal sealed class DodoWebhookEndpoint(
    IOptionsMonitor<DodoPaymentsOptions> options,
    WebhookKeyRing keyRing,
    TimeProvider timeProvider,
    ILogger<DodoWebhookEndpoint> logger)
{
    public async Task HandleAsync(HttpContext context)
    {
        var current = options.CurrentValue;
        var settings = current.Webhooks;
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

        WebhookEventReader.Result read;
        string webhookId;
        using (body)
        {
            if (body.IsTooLarge)
            {
                logger.BodyTooLarge(settings.MaxRequestBodySize);
                await Problem(context, StatusCodes.Status413PayloadTooLarge, "The webhook body is too large.").ConfigureAwait(false);
                return;
            }

            var headers = context.Request.Headers;
            string? id = headers[WebhookHeaders.Id];
            string? timestamp = headers[WebhookHeaders.Timestamp];
            // Entries are space-separated; a sender splitting them over several header lines is read the same way.
            var signatures = headers[WebhookHeaders.Signature];
            var signature = signatures.Count > 1 ? string.Join(' ', signatures.ToArray()) : signatures.ToString();
            var verification = WebhookSignatureVerifier.Verify(
                body.Memory.Span, id, timestamp, signature, keyRing.GetKeys(current), timeProvider.GetUtcNow(), settings.TimestampTolerance);
            if (verification != WebhookVerificationResult.Verified)
            {
                if (verification == WebhookVerificationResult.NoKeys)
                {
                    logger.NoKeys();
                }
                else
                {
                    logger.SignatureRejected(verification);
                }

                await Problem(context, StatusCodes.Status401Unauthorized, "The webhook signature could not be verified.").ConfigureAwait(false);
                return;
            }

            webhookId = id!;
            var sentAt = DateTimeOffset.FromUnixTimeSeconds(long.Parse(timestamp!, NumberStyles.None, CultureInfo.InvariantCulture));
            read = WebhookEventReader.Read(body.Memory, webhookId, sentAt);
        }

        if (read.Failure != WebhookReadFailure.None)
        {
            logger.PayloadUnreadable(webhookId, read.Type, read.Failure);
            await Problem(context, StatusCodes.Status400BadRequest, "The webhook payload could not be read.").ConfigureAwait(false);
            return;
        }

        var webhookEvent = read.Event!;
        using var scope = logger.BeginScope(new WebhookLogScope(webhookId, webhookEvent.Type));
        if (read.Descriptor is null)
        {
            logger.UnknownType(webhookId, webhookEvent.Type);
        }

        await DispatchOnceAsync(context, read, settings).ConfigureAwait(false);
    }

    private async Task DispatchOnceAsync(HttpContext context, WebhookEventReader.Result read, DodoWebhookOptions settings)
    {
        var webhookEvent = read.Event!;
        var aborted = context.RequestAborted;
        var store = context.RequestServices.GetRequiredService<IWebhookIdempotencyStore>();

        WebhookClaim claim;
        try
        {
            claim = await store.TryClaimAsync(webhookEvent.Id, settings.ClaimLease, aborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            logger.RequestAborted(webhookEvent.Id, webhookEvent.Type);
            return;
        }

        switch (claim.Result)
        {
            case WebhookClaimResult.AlreadyProcessed:
                logger.AlreadyProcessed(webhookEvent.Id, webhookEvent.Type);
                context.Response.StatusCode = StatusCodes.Status200OK;
                return;
            case WebhookClaimResult.InProgress:
                logger.InProgress(webhookEvent.Id, webhookEvent.Type);
                await Problem(context, StatusCodes.Status409Conflict, "This webhook is being processed; retry later.").ConfigureAwait(false);
                return;
        }

        var started = timeProvider.GetTimestamp();
        int handlerCount;
        try
        {
            handlerCount = await WebhookEventReader.DispatchAsync(read, context.RequestServices, aborted).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            await store.ReleaseAsync(claim, CancellationToken.None).ConfigureAwait(false);
            if (exception is OperationCanceledException && aborted.IsCancellationRequested)
            {
                logger.RequestAborted(webhookEvent.Id, webhookEvent.Type);
                return;
            }

            logger.HandlerFailed(exception, webhookEvent.Id, webhookEvent.Type);
            await Problem(context, StatusCodes.Status500InternalServerError, "A webhook handler failed.").ConfigureAwait(false);
            return;
        }

        var elapsed = timeProvider.GetElapsedTime(started);
        if (elapsed > settings.SlowHandlerThreshold)
        {
            logger.SlowHandlers(webhookEvent.Id, webhookEvent.Type, (long)elapsed.TotalMilliseconds, (long)settings.SlowHandlerThreshold.TotalMilliseconds);
        }

        // The handlers succeeded: record it even if the caller went away meanwhile. If the store fails now, answering
        // an error would make Dodo deliver again and run the handlers twice; acknowledge and log instead.
        try
        {
            await store.CompleteAsync(claim, settings.IdempotencyRetention, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            logger.CompleteFailed(exception, webhookEvent.Id, webhookEvent.Type);
        }

        logger.Processed(webhookEvent.Id, webhookEvent.Type, handlerCount, (long)elapsed.TotalMilliseconds);
        context.Response.StatusCode = StatusCodes.Status200OK;
    }

    private static Task Problem(HttpContext context, int statusCode, string title) =>
        context.RequestAborted.IsCancellationRequested
            ? Task.CompletedTask
            : TypedResults.Problem(statusCode: statusCode, title: title).ExecuteAsync(context);
}
