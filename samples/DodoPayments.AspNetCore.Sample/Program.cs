using DodoPayments.AspNetCore;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddDodoPayments();

var app = builder.Build();
app.MapGet("/", () => "Dodo Payments sample");
app.Run();

/// <summary>The sample's entry point, visible to <c>WebApplicationFactory</c> in the tests.</summary>
public partial class Program;
