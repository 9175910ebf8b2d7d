using DodoPayments.AspNetCore.Webhooks;

namespace DodoPayments.AspNetCore.LoadApp;

/// <summary>
/// <c>--Load:Store none</c>: an idempotency store that grants every claim and remembers nothing. Not for an app (it
/// runs redeliveries twice); the load script uses it to tell what the in-memory store's retained ids cost the GC from
/// what the rest of the delivery costs, side by side with <c>--store memory</c>.
/// </summary>
internal sealed class ForgetfulStore : IWebhookIdempotencyStore, IWebhookHandlerCompletion
{
    public ValueTask<WebhookClaim> TryClaimAsync(string webhookId, TimeSpan lease, CancellationToken cancellationToken) =>
        ValueTask.FromResult(WebhookClaim.Claimed(webhookId, Guid.NewGuid()));

    public ValueTask<bool> RenewAsync(WebhookClaim claim, TimeSpan lease, CancellationToken cancellationToken) => ValueTask.FromResult(true);

    public ValueTask<IWebhookHandlerCompletion> BeginHandlerAsync(WebhookClaim claim, string handlerKey, IServiceProvider handlerServices, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IWebhookHandlerCompletion>(this);

    public ValueTask<bool> CompleteAsync(WebhookClaim claim, TimeSpan retention, CancellationToken cancellationToken) => ValueTask.FromResult(true);

    public ValueTask<bool> ReleaseAsync(WebhookClaim claim, CancellationToken cancellationToken) => ValueTask.FromResult(true);

    public ValueTask CommitAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
