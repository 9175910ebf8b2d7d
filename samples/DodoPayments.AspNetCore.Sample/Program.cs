using DodoPayments.AspNetCore;
using DodoPayments.AspNetCore.Sample;

var builder = WebApplication.CreateBuilder(args);

var useStandIn = DevelopmentStandIn.IsWanted(builder);

builder.Services.AddDodoPayments();

var app = builder.Build();

// Started after the app is built (options are read only when the host starts), so that the stand-in's own
// small host is never mistaken for the app's by WebApplicationFactory.
var standIn = useStandIn ? await DevelopmentStandIn.StartAsync(builder.Configuration) : null;

if (standIn is not null)
{
    app.Logger.LogWarning(
        "Development mode: no Dodo API key is configured, so the shop talks to the in-process Dodo API stand-in at {StandInAddress}. Nothing leaves this machine.",
        standIn.BaseAddress);
    app.Lifetime.ApplicationStopped.Register(() => standIn.DisposeAsync().AsTask().GetAwaiter().GetResult());
}

app.UseDefaultFiles();
app.UseStaticFiles();

app.MapGet("/api/shop", () => new ShopInfo(standIn is null ? "dodo" : "stand-in", ShopCatalog.Products));

app.Run();

/// <summary>What the shop page shows: which API it talks to and what it sells.</summary>
internal sealed record ShopInfo(string Mode, IReadOnlyList<ShopProduct> Products);

/// <summary>The sample's entry point, visible to <c>WebApplicationFactory</c> in the tests.</summary>
public partial class Program;
