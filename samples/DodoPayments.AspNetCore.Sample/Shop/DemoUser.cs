using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace DodoPayments.AspNetCore.Sample.Shop;

/// <summary>
/// The sample's one user, signed in with a cookie by a button (no passwords). A real shop has its own sign-in; what
/// matters for Dodo is that the server, not the browser, knows who is buying.
/// </summary>
internal static class DemoUser
{
    public const string UserId = "user_demo";
    public const string Email = "demo@example.com";
    public const string Name = "Demo User";

    /// <summary>The signed-in user's id, or null.</summary>
    public static string? GetUserId(this ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true ? user.FindFirstValue(ClaimTypes.NameIdentifier) : null;

    /// <summary>Maps <c>POST /api/account/sign-in</c> and <c>POST /api/account/sign-out</c>.</summary>
    public static void MapDemoSignIn(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/account/sign-in", async (HttpContext context) =>
        {
            var identity = new ClaimsIdentity(
                [new Claim(ClaimTypes.NameIdentifier, UserId), new Claim(ClaimTypes.Name, Name), new Claim(ClaimTypes.Email, Email)],
                CookieAuthenticationDefaults.AuthenticationScheme);
            await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
            return TypedResults.NoContent();
        });

        endpoints.MapPost("/api/account/sign-out", async (HttpContext context) =>
        {
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return TypedResults.NoContent();
        });
    }
}
