namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>A webhook event whose <c>data</c> is read as <typeparamref name="TData"/>.</summary>
/// <typeparam name="TData">The payload model: <see cref="Payment"/>, <see cref="Subscription"/>, <see cref="Refund"/>, …</typeparam>
public abstract class WebhookEvent<TData> : WebhookEvent
{
    private TData _data = default!;

    /// <summary>The typed <c>data</c> of the event. Fields it lacks are in <see cref="WebhookEvent.RawData"/>.</summary>
    public TData Data { get => _data; init => _data = value; }

    internal void SetData(TData data) => _data = data;
}
