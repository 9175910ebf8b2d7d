using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using DodoPayments.AspNetCore.Testing.Internal;
using Microsoft.AspNetCore.Http;

namespace DodoPayments.AspNetCore.Testing;

/// <summary>
/// An in-process stand-in for the Dodo Payments API: products, payments, subscriptions, checkout sessions, the
/// customer portal and plan changes, with plausible answers, a record of every request, and failures on demand.
/// Tests, samples and users' own tests run against it with no Dodo account and no network.
/// </summary>
/// <remarks>
/// Plug it in as the API client's <see cref="HttpMessageHandler"/> with
/// <see cref="DodoApiStandInServiceCollectionExtensions.AddDodoApiStandIn"/>, or host it on a loopback port with
/// <see cref="StartAsync"/> and point <c>DodoPayments:ApiBaseUrl</c> at <see cref="BaseAddress"/>.
/// </remarks>
/// <example>
/// <code>
/// await using var dodo = new DodoApiStandIn().AddOneTimeProduct("pdt_book", "Book", 1999);
/// builder.Services.AddDodoPayments().Services.AddDodoApiStandIn(dodo);
/// // … exercise the app, then:
/// Assert.Single(dodo.Requests, r =&gt; r.Path == "/checkouts");
/// </code>
/// </example>
public sealed partial class DodoApiStandIn : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, StandInProduct> _products = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string[]> _collections = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, StandInCustomer> _customers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, StandInSubscription> _subscriptions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, StandInCheckout> _checkouts = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<StandInRequest> _requests = new();
    private readonly List<StandInRule> _rules = [];
    private readonly Lock _rulesLock = new();
    private readonly string _run = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3));
    private int _sequence;
    private LoopbackServer? _host;

    /// <summary>When set, the only API key accepted; otherwise any non-empty bearer token is. A wrong key answers 401.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The clock for the timestamps in answers.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>
    /// The address the links in answers (checkout URLs, payment links, portal links) start with. <see cref="StartAsync"/>
    /// sets it to <see cref="BaseAddress"/>; before that it is a host that does not resolve.
    /// </summary>
    public Uri PublicBaseAddress { get; set; } = new("https://stand-in.dodopayments.invalid/");

    /// <summary>The loopback address the stand-in listens on after <see cref="StartAsync"/>, ending with a slash; null before.</summary>
    public Uri? BaseAddress { get; private set; }

    /// <summary>Every request received so far, oldest first.</summary>
    public IReadOnlyList<StandInRequest> Requests => [.. _requests];

    /// <summary>Adds (or replaces) a product.</summary>
    /// <param name="product">The product.</param>
    /// <returns>This stand-in.</returns>
    public DodoApiStandIn AddProduct(StandInProduct product)
    {
        ArgumentNullException.ThrowIfNull(product);
        _products[product.ProductId] = product;
        return this;
    }

    /// <summary>Adds a one-time product.</summary>
    /// <param name="productId">The product id.</param>
    /// <param name="name">The name.</param>
    /// <param name="price">The price in the currency's smallest unit.</param>
    /// <param name="currency">ISO 4217 currency code.</param>
    /// <returns>This stand-in.</returns>
    public DodoApiStandIn AddOneTimeProduct(string productId, string name = "Product", long price = 1000, string currency = "USD") =>
        AddProduct(new StandInProduct { ProductId = productId, Name = name, Price = price, Currency = currency });

    /// <summary>Adds a subscription product.</summary>
    /// <param name="productId">The product id.</param>
    /// <param name="name">The name.</param>
    /// <param name="price">The price per period in the currency's smallest unit.</param>
    /// <param name="currency">ISO 4217 currency code.</param>
    /// <param name="interval"><c>Day</c>, <c>Week</c>, <c>Month</c> or <c>Year</c>.</param>
    /// <returns>This stand-in.</returns>
    public DodoApiStandIn AddSubscriptionProduct(string productId, string name = "Plan", long price = 1000, string currency = "USD", string interval = "Month") =>
        AddProduct(new StandInProduct { ProductId = productId, Name = name, Price = price, Currency = currency, IsRecurring = true, PaymentFrequencyInterval = interval });

    /// <summary>Adds a product collection: a checkout session with its id lets the customer pick one of its products.</summary>
    /// <param name="collectionId">The collection id.</param>
    /// <param name="productIds">Its products, the first pre-selected.</param>
    /// <returns>This stand-in.</returns>
    public DodoApiStandIn AddProductCollection(string collectionId, params string[] productIds)
    {
        ArgumentException.ThrowIfNullOrEmpty(collectionId);
        _collections[collectionId] = [.. productIds];
        return this;
    }

    /// <summary>Adds a customer, for the customer portal and for requests naming a <c>customer_id</c>.</summary>
    /// <param name="customerId">The customer id.</param>
    /// <param name="email">The email.</param>
    /// <param name="name">The name.</param>
    /// <returns>This stand-in.</returns>
    public DodoApiStandIn AddCustomer(string customerId, string email = "customer@example.com", string name = "Customer")
    {
        ArgumentException.ThrowIfNullOrEmpty(customerId);
        _customers[customerId] = new StandInCustomer(customerId, email, name);
        return this;
    }

    /// <summary>Adds an active subscription, for plan changes. The customer is added too when unknown.</summary>
    /// <param name="subscriptionId">The subscription id.</param>
    /// <param name="productId">Its current product (add the product too).</param>
    /// <param name="customerId">Its customer.</param>
    /// <param name="quantity">How many units.</param>
    /// <returns>This stand-in.</returns>
    public DodoApiStandIn AddSubscription(string subscriptionId, string productId, string customerId = "cus_standin", int quantity = 1)
    {
        ArgumentException.ThrowIfNullOrEmpty(subscriptionId);
        _customers.TryAdd(customerId, new StandInCustomer(customerId, "customer@example.com", "Customer"));
        _subscriptions[subscriptionId] = new StandInSubscription(subscriptionId, customerId, TimeProvider.GetUtcNow()) { ProductId = productId, Quantity = quantity };
        return this;
    }

    /// <summary>
    /// Sets a subscription's status (<c>active</c>, <c>on_hold</c>, <c>cancelled</c>, …); plan changes of a subscription
    /// that is not <c>active</c> answer 422 <c>INACTIVE_SUBSCRIPTION_PLAN_CHANGE_NOT_SUPPORTED</c>, as Dodo does.
    /// </summary>
    /// <param name="subscriptionId">A subscription added with <see cref="AddSubscription"/>.</param>
    /// <param name="status">The new status.</param>
    /// <returns>This stand-in.</returns>
    public DodoApiStandIn SetSubscriptionStatus(string subscriptionId, string status)
    {
        ArgumentException.ThrowIfNullOrEmpty(status);
        if (!_subscriptions.TryGetValue(subscriptionId, out var subscription))
        {
            throw new ArgumentException($"No subscription {subscriptionId}; add it with AddSubscription first.", nameof(subscriptionId));
        }

        subscription.Status = status;
        return this;
    }

    /// <summary>
    /// Makes matching requests fail with <paramref name="statusCode"/> and Dodo's error body
    /// <c>{"code": …, "message": …}</c>.
    /// </summary>
    /// <param name="method">The method to match, or null for any.</param>
    /// <param name="pathPrefix">The start of the path to match, such as <c>/checkouts</c>.</param>
    /// <param name="statusCode">The status to answer with (4xx or 5xx).</param>
    /// <param name="code">Dodo's error code; defaults from the status.</param>
    /// <param name="message">Dodo's error message.</param>
    /// <param name="times">How many requests fail before the rule is spent; null for all.</param>
    /// <returns>This stand-in.</returns>
    public DodoApiStandIn Fail(HttpMethod? method, string pathPrefix, int statusCode, string? code = null, string? message = null, int? times = null) =>
        AddRule(new StandInRule(method?.Method, pathPrefix, times) { StatusCode = statusCode, Code = code ?? DefaultCode(statusCode), Message = message ?? "Injected failure" });

    /// <summary>
    /// Makes matching requests answer with <paramref name="statusCode"/> and exactly <paramref name="body"/> (which may be
    /// empty), without acting on them: for answers Dodo can give that the stand-in does not make up by itself, such as
    /// an empty 200 to <c>change-plan</c> or a link that is not a URL.
    /// </summary>
    /// <param name="method">The method to match, or null for any.</param>
    /// <param name="pathPrefix">The start of the path to match, such as <c>/subscriptions/sub_1/change-plan</c>.</param>
    /// <param name="statusCode">The status to answer with.</param>
    /// <param name="body">The body, sent as given with <c>Content-Type: application/json</c>.</param>
    /// <param name="times">How many requests are answered so before the rule is spent; null for all.</param>
    /// <returns>This stand-in.</returns>
    public DodoApiStandIn Respond(HttpMethod? method, string pathPrefix, int statusCode, string body, int? times = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        return AddRule(new StandInRule(method?.Method, pathPrefix, times) { StatusCode = statusCode, Body = body });
    }

    /// <summary>Makes matching requests wait before they are answered (to exercise timeouts).</summary>
    /// <param name="method">The method to match, or null for any.</param>
    /// <param name="pathPrefix">The start of the path to match.</param>
    /// <param name="delay">How long to wait.</param>
    /// <param name="times">How many requests are delayed; null for all.</param>
    /// <returns>This stand-in.</returns>
    public DodoApiStandIn Delay(HttpMethod? method, string pathPrefix, TimeSpan delay, int? times = null) =>
        AddRule(new StandInRule(method?.Method, pathPrefix, times) { Delay = delay });

    /// <summary>Removes every failure and delay.</summary>
    public void ClearFailures()
    {
        lock (_rulesLock)
        {
            _rules.Clear();
        }
    }

    /// <summary>Forgets the requests received so far.</summary>
    public void ClearRequests() => _requests.Clear();

    /// <summary>A handler that answers in process, without a socket; give it to <c>HttpClient</c> or <c>IHttpClientFactory</c>.</summary>
    /// <returns>A new handler over this stand-in.</returns>
    public HttpMessageHandler CreateHandler() => new StandInHttpMessageHandler(this);

    /// <summary>Starts serving on a free loopback port and sets <see cref="BaseAddress"/> and <see cref="PublicBaseAddress"/>.</summary>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The base address.</returns>
    public async Task<Uri> StartAsync(CancellationToken cancellationToken = default)
    {
        if (BaseAddress is { } started)
        {
            return started;
        }

        _host = await LoopbackServer.StartAsync(ServeAsync, cancellationToken).ConfigureAwait(false);
        BaseAddress = _host.Address;
        PublicBaseAddress = BaseAddress;
        return BaseAddress;
    }

    /// <summary>Stops the loopback server, if started, and any webhook retries still waiting.</summary>
    /// <returns>A task that completes when the server has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        _ownWebhookClient?.Dispose();
        if (_host is { } host)
        {
            _host = null;
            await host.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task ServeAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
        var response = await HandleAsync(
            context.Request.Method,
            context.Request.Path.Value ?? "/",
            context.Request.QueryString.HasValue ? context.Request.QueryString.Value![1..] : string.Empty,
            context.Request.Headers.Authorization.ToString(),
            context.Request.Headers.UserAgent.ToString(),
            Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length),
            context.RequestAborted).ConfigureAwait(false);
        context.Response.StatusCode = response.StatusCode;
        context.Response.ContentType = response.ContentType;
        if (response.Location is not null)
        {
            context.Response.Headers.Location = response.Location;
        }

        await context.Response.WriteAsync(response.Body, context.RequestAborted).ConfigureAwait(false);
    }

    private DodoApiStandIn AddRule(StandInRule rule)
    {
        ArgumentException.ThrowIfNullOrEmpty(rule.PathPrefix);
        lock (_rulesLock)
        {
            _rules.Add(rule);
        }

        return this;
    }

    /// <summary>
    /// A new id such as <c>pay_standin_3f9a1c_12</c>. The random part differs per stand-in, so ids an app stored during an
    /// earlier run (the sample's order store, say) never collide with this run's.
    /// </summary>
    private string NextId(string prefix) => $"{prefix}_standin_{_run}_{Interlocked.Increment(ref _sequence)}";

    private static string DefaultCode(int statusCode) => statusCode switch
    {
        400 => "INVALID_REQUEST_BODY",
        401 => "UNAUTHORIZED",
        403 => "FORBIDDEN",
        404 => "NOT_FOUND",
        409 => "CONFLICT",
        422 => "INVALID_REQUEST_PARAMETERS",
        429 => "TOO_MANY_REQUESTS",
        _ => "INTERNAL_SERVER_ERROR",
    };
}
