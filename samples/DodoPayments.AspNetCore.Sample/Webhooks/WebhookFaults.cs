using DodoPayments.AspNetCore.Webhooks;

namespace DodoPayments.AspNetCore.Sample.Webhooks;

/// <summary>
/// Development aid (stand-in mode only): makes the next payment or subscription webhook fail, so the inbox's retries
/// show on the orders page. "Once": the first attempt fails, the inbox retries it and the retry succeeds. "Every time":
/// every attempt of that event fails until <see cref="StopFailing"/>, so the event goes dead and can be replayed.
/// </summary>
/// <remarks>
/// <see cref="OrderWebhookHandler"/> calls <see cref="ThrowIfArmed"/> after saving its changes: the per-handler
/// transaction of the webhook store rolls them back, so a failed attempt leaves nothing in the database. The switches
/// live here, in memory, for the same reason.
/// </remarks>
internal sealed class WebhookFaults
{
    private readonly Lock _lock = new();
    private bool _failNextOnce;
    private bool _failNextAlways;
    private string? _failingWebhookId;

    /// <summary>The first attempt of the next event fails.</summary>
    public void FailNextOnce()
    {
        lock (_lock)
        {
            _failNextOnce = true;
        }
    }

    /// <summary>Every attempt of the next event fails, until <see cref="StopFailing"/>.</summary>
    public void FailNextAlways()
    {
        lock (_lock)
        {
            _failNextAlways = true;
        }
    }

    /// <summary>Disarms both switches and lets the event that failed every time succeed (replay it to run it again).</summary>
    public void StopFailing()
    {
        lock (_lock)
        {
            _failNextOnce = false;
            _failNextAlways = false;
            _failingWebhookId = null;
        }
    }

    /// <summary>What is armed, for the orders page.</summary>
    public WebhookFaultsInfo Current
    {
        get
        {
            lock (_lock)
            {
                return new WebhookFaultsInfo(_failNextOnce, _failNextAlways, _failingWebhookId);
            }
        }
    }

    /// <summary>Throws when <paramref name="webhookEvent"/> is to fail: the next one after a switch, or the one failing every time.</summary>
    public void ThrowIfArmed(WebhookEvent webhookEvent)
    {
        lock (_lock)
        {
            if (_failingWebhookId is null && _failNextAlways)
            {
                _failNextAlways = false;
                _failingWebhookId = webhookEvent.Id;
            }

            if (_failingWebhookId == webhookEvent.Id)
            {
                throw new InvalidOperationException("Failing on purpose, every time (the 'fail every time' switch): it goes dead, then replay it.");
            }

            if (!_failNextOnce)
            {
                return;
            }

            _failNextOnce = false;
        }

        throw new InvalidOperationException("Failing on purpose, once (the 'fail once' switch): the inbox retries it.");
    }
}

/// <summary>The development switches as the orders page shows them.</summary>
/// <param name="FailNextOnce">The next event's first attempt will fail.</param>
/// <param name="FailNextAlways">The next event will fail every time.</param>
/// <param name="FailingWebhookId">The event failing every time, until the switches are turned off.</param>
internal sealed record WebhookFaultsInfo(bool FailNextOnce, bool FailNextAlways, string? FailingWebhookId);
