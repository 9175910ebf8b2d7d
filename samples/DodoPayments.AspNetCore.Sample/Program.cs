using DodoPayments.AspNetCore;
using DodoPayments.AspNetCore.EntityFrameworkCore;
using DodoPayments.AspNetCore.Sample;
using DodoPayments.AspNetCore.Sample.Shop;
using DodoPayments.AspNetCore.Sample.Store;
using DodoPayments.AspNetCore.Sample.Webhooks;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;

var builder = WebApplication.CreateBuilder(args);

var catalog = ShopCatalog.FromConfiguration(builder.Configuration.GetSection("Shop:Catalog"));
builder.Services.AddSingleton(catalog);

// Development without an API key: the in-process Dodo stand-in (created now, started after Build).
var standIn = DevelopmentStandIn.IsWanted(builder) ? DevelopmentStandIn.Create(catalog) : null;
if (standIn is not null)
{
    builder.Services.AddSingleton(standIn);
}

builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
    .AddCookie(options =>
    {
        options.Cookie.Name = "shop_session";
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Lax;   // no cookie on cross-site POSTs: the JSON endpoints are not CSRF targets
        options.Events.OnRedirectToLogin = context =>
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Task.CompletedTask;
        };
    });
builder.Services.AddAuthorization();
builder.Services.AddProblemDetails();

// The shop's SQLite database (ConnectionStrings:Shop, App_Data/shop.db): orders, customers, subscriptions, the webhook
// log and the durable webhook store, in one context. The options are built once, when the first context is made (so a
// test's settings apply); the context itself is scoped: one per request, or per webhook handler run.
builder.Services.AddDbContext<ShopDb>(
    (services, options) => options.UseSqlite(ShopDatabase.ConnectionString(services.GetRequiredService<IConfiguration>(), services.GetRequiredService<IHostEnvironment>())),
    contextLifetime: ServiceLifetime.Scoped,
    optionsLifetime: ServiceLifetime.Singleton);
builder.Services.AddSingleton<WebhookFaults>();

builder.Services.AddDodoPayments()
    .AddCheckoutHook<ShopCheckoutHook>()
    // Tags a plan change with the metadata Dodo puts on the payment of its immediate charge (the orders page lists it).
    .AddPlanChangeHook<ShopPlanChangeHook>()
    .AddWebhookHandler<OrderWebhookHandler>()
    .AddWebhookHandler<EventLogHandler>()
    // Webhook claims and handler completions in ShopDb: a handler's SaveChangesAsync commits with its completion
    // record, and a restart remembers which webhook-ids were processed.
    .AddEntityFrameworkWebhookStore<ShopDb>()
    // Inbox mode: /api/webhook stores the verified event in ShopDb and answers 200 at once; a background processor runs
    // the handlers, retries failures (DodoPayments:Webhooks:Inbox, shortened in appsettings.Development.json) and
    // marks an event dead after the last attempt. The orders page lists the inbox and replays dead events.
    .UseWebhookInbox();

var app = builder.Build();

// First run: create App_Data/shop.db with every table. A real app uses migrations instead (see ShopDatabase).
await ShopDatabase.EnsureCreatedAsync(app.Services);

if (standIn is not null)
{
    await DevelopmentStandIn.StartAsync(standIn, builder.Configuration, app.Services);
    app.Logger.LogWarning(
        "Development mode: no Dodo API key is configured, so the shop talks to the in-process Dodo API stand-in at {StandInAddress}. Nothing leaves this machine.",
        standIn.BaseAddress);
    app.Lifetime.ApplicationStarted.Register(() => DevelopmentStandIn.SendWebhooksToThisApp(standIn, app));
    app.Lifetime.ApplicationStopped.Register(() => standIn.DisposeAsync().AsTask().GetAwaiter().GetResult());
}

// An error answered without a body (401, a body not sent as JSON: 415, an unknown route) becomes a ProblemDetails.
app.UseStatusCodePages();
app.UseDefaultFiles();
app.UseStaticFiles();
app.UseAuthentication();
app.UseAuthorization();

app.MapDemoSignIn();
app.MapShopApi(standIn);

// The three checkout flows: static links (GET /api/checkout), checkout sessions (POST /api/checkout) and payment
// links (POST /api/checkout/dynamic). The hook fills in the customer, return_url and metadata of each.
app.MapDodoCheckout();
app.MapDodoDynamicCheckout();

// The customer and the subscription come from the signed-in user, never from the browser.
app.MapDodoCustomerPortal("/api/customer-portal", async context =>
        context.User.GetUserId() is { } userId
            ? await context.RequestServices.GetRequiredService<ShopDb>().FindCustomerIdAsync(userId, context.RequestAborted)
            : null)
    .RequireAuthorization();
app.MapDodoPlanChange("/api/subscription/plan", async context =>
        context.User.GetUserId() is { } userId
            ? (await context.RequestServices.GetRequiredService<ShopDb>().FindActiveSubscriptionAsync(userId, context.RequestAborted))?.SubscriptionId
            : null)
    .RequireAuthorization();

// POST /api/webhook: verified, stored in the inbox, 200; then OrderWebhookHandler and EventLogHandler run once per
// webhook-id, in the background.
app.MapDodoWebhooks();

app.MapFallbackToFile("/orders", "orders.html");
app.MapFallbackToFile("/account", "account.html");

app.Run();

/// <summary>The sample's entry point, visible to <c>WebApplicationFactory</c> in the tests.</summary>
public partial class Program;
