using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Sdk;
using static Microsoft.Playwright.Assertions;

namespace DodoPayments.AspNetCore.BrowserTests;

/// <summary>
/// The sample shop in a real browser (Debian's headless Chromium, driven by Playwright; never a downloaded browser):
/// pricing page → sign in → buy Pro → pay on the stand-in's hosted checkout → back on the orders page, the order turns
/// paid when the inbox has processed the signed webhook → upgrade to Enterprise with the preview shown first, in money,
/// and the account page showing the new plan once Dodo confirms → the charge of the change listed as a paid order, the
/// Pro order showing the plan it is on now → buy the one-time e-book with its webhook failing every time: dead on the
/// orders page, then replayed, and the order is paid. Throughout, the browser logs no error and no request fails.
/// </summary>
public sealed partial class ShopBrowserTests
{
    /// <summary>Debian's chromium; <c>CHROMIUM_PATH</c> points elsewhere (another Chromium build, on another system).</summary>
    private static readonly string ChromiumPath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    /// <summary>
    /// Per step; a step takes well under a second alone, but after "Pay" the orders page waits for the inbox to run the
    /// webhooks (three attempts for the one failing every time), and CI shares two cores with the other test assemblies
    /// running at the same time.
    /// </summary>
    private const float StepTimeoutMs = 20_000;

    [Fact]
    public async Task Shop_BuyProUpgradeThenBuyEbookThroughADeadWebhook_OrdersTurnPaidAndThePreviewedChangeIsReported()
    {
        Assert.True(
            File.Exists(ChromiumPath),
            $"Chromium is needed at {ChromiumPath} for the browser test: apt-get install chromium (as root; CI's .ci/run does it), or set CHROMIUM_PATH to a Chromium executable. No browser is ever downloaded.");
        await using var shop = await SampleProcess.StartAsync(StartTimeout);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Timeout = 30_000,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        await using var context = await browser.NewContextAsync(new() { BaseURL = shop.BaseAddress.AbsoluteUri });
        var page = await context.NewPageAsync();
        var problems = new ConcurrentQueue<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                problems.Enqueue($"console error on {page.Url}: {message.Text}");
            }
        };
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                problems.Enqueue($"{response.Status} for {response.Request.Method} {response.Url}");
            }
        };
        page.RequestFailed += (_, request) => problems.Enqueue($"failed: {request.Method} {request.Url} ({request.Failure})");
        page.SetDefaultTimeout(StepTimeoutMs);
        page.SetDefaultNavigationTimeout(StepTimeoutMs);
        SetDefaultExpectTimeout(StepTimeoutMs);

        try
        {
            await BuyProAndSeeItPaidAsync(page);
            await FormatsMoneyAsTheServerDoesAsync(page);
            await UpgradeToEnterpriseAsync(page);
            await SeeThePlanChangeOnTheOrdersPageAsync(page);
            await BuyTheEbookThroughADeadWebhookAsync(page);
            // No 404/401 (a favicon, say), no script error, anywhere along the way.
            Assert.True(problems.IsEmpty, "The browser reported:\n" + string.Join("\n", problems));
        }
        catch (Exception exception) when (exception is PlaywrightException or XunitException or TimeoutException)
        {
            var saved = await SaveEvidenceAsync(page);
            throw new XunitException(
                $"The browser test failed at {page.Url}: {exception.Message}\nScreenshot and page HTML: {saved}\nThe sample's output:\n{shop.Output}",
                exception);
        }
    }

    private static async Task BuyProAndSeeItPaidAsync(IPage page)
    {
        await page.GotoAsync("/");
        await Expect(page.Locator("#mode")).ToContainTextAsync("stand-in");
        await page.Locator("#sign-in").ClickAsync();
        await Expect(page.Locator("#user-name")).ToContainTextAsync("Demo User");

        await page.Locator("#interval-month").ClickAsync();
        await page.Locator("[data-buy='pdt_pro_monthly']").ClickAsync();

        // Dodo's hosted checkout, simulated by the stand-in.
        await Expect(page).ToHaveTitleAsync("Dodo Payments (stand-in) checkout");
        await Expect(page.Locator("body")).ToContainTextAsync("Pro");
        await Expect(page.Locator("body")).ToContainTextAsync("29.00 USD");
        await page.Locator("#pay").ClickAsync();

        // Back on the shop; the order's state comes from the webhooks, polled by the page.
        await page.WaitForURLAsync(OrdersPage(), new() { WaitUntil = WaitUntilState.Commit });
        var order = page.Locator("tr.order").First;
        await Expect(order).ToContainTextAsync("Pro");
        await Expect(order.Locator(".status")).ToHaveTextAsync(PaidOrActive());
        // The webhook table comes from the inbox: the payment's event, processed in the background.
        await Expect(page.Locator("tr.webhook[data-type='payment.succeeded'] .state").First).ToHaveTextAsync("processed");
    }

    /// <summary>
    /// The pages' <c>money()</c> (shop.js) gives what the server's <c>ShopMoney.Format</c> gives for the same amounts
    /// (ShopMoneyTests in the integration tests holds the server to these examples).
    /// </summary>
    private static async Task FormatsMoneyAsTheServerDoesAsync(IPage page)
    {
        var formatted = await page.EvaluateAsync<string[]>(
            "() => [money(354, 'USD'), money(3500, 'USD'), money(123456, 'USD'), money(-354, 'USD'), money(0, 'usd'), money(354, 'EUR'), money(500, 'JPY'), money(1234, 'KWD'), money(2900, null)]");

        Assert.Equal(["$3.54", "$35.00", "$1,234.56", "-$3.54", "$0.00", "€3.54", "¥500", "KWD\u00A01.234", "$29.00"], formatted);
    }

    private static async Task UpgradeToEnterpriseAsync(IPage page)
    {
        await page.GotoAsync("/account");
        await Expect(page.Locator("#subscription")).ToContainTextAsync("Pro");
        await Expect(page.Locator("#manage-billing")).ToBeVisibleAsync();

        await page.Locator("input[name=plan][value=pdt_enterprise_monthly]").CheckAsync();
        await page.Locator("#preview").ClickAsync();
        await Expect(page.Locator("#preview-total")).ToHaveTextAsync(Amount());
        await Expect(page.Locator("#preview-lines")).ToContainTextAsync("Enterprise");
        // The prorated charge as money, never the proration factor (such as 0.35353535).
        await Expect(page.Locator("#preview-lines td").Last).ToHaveTextAsync(Amount());

        await page.Locator("#confirm").ClickAsync();
        // The page waits for Dodo's confirmation (the plan_changed webhook), then shows the new plan without a reload.
        await Expect(page.Locator("#change-result")).ToContainTextAsync("Plan changed to Enterprise, confirmed by Dodo");
        await Expect(page.Locator("#subscription")).ToContainTextAsync("Enterprise");
        await Expect(page.Locator("input[name=plan][value=pdt_enterprise_monthly]")).ToHaveCountAsync(0);
        await Expect(page.Locator("#message")).ToBeEmptyAsync();
    }

    /// <summary>The change's charge (Dodo's payment.succeeded for it) is a paid line; the Pro order shows the plan it is on now.</summary>
    private static async Task SeeThePlanChangeOnTheOrdersPageAsync(IPage page)
    {
        await page.GotoAsync("/orders");
        var charge = page.Locator("tr.order", new() { HasText = "Plan change to Enterprise" });
        await Expect(charge.Locator(".status")).ToHaveTextAsync("paid");
        await Expect(charge.Locator(".amount")).ToHaveTextAsync(Amount());
        var pro = page.Locator("tr.order", new() { HasText = "Pro" });
        await Expect(pro.Locator(".plan")).ToHaveTextAsync("Enterprise");
        await Expect(pro.Locator(".amount")).ToHaveTextAsync("$29.00");
    }

    /// <summary>
    /// The e-book's payment webhook fails every time (the development switch) until the inbox gives up: the orders page
    /// shows it dead with its error and the order still pending; with the switch off, "Replay" runs it and the order turns paid.
    /// </summary>
    private static async Task BuyTheEbookThroughADeadWebhookAsync(IPage page)
    {
        await page.GotoAsync("/orders");
        await page.Locator("#fail-always").ClickAsync();
        await Expect(page.Locator("#faults-state")).ToContainTextAsync("fail every time");

        await page.GotoAsync("/");
        await page.Locator("[data-buy='pdt_field_guide']").ClickAsync();
        await Expect(page).ToHaveTitleAsync("Dodo Payments (stand-in) checkout");
        await Expect(page.Locator("body")).ToContainTextAsync("19.00 USD");
        await page.Locator("#pay").ClickAsync();

        await page.WaitForURLAsync(OrdersPage(), new() { WaitUntil = WaitUntilState.Commit });
        var order = page.Locator("tr.order").First;
        await Expect(order).ToContainTextAsync("The Field Guide");
        var webhook = page.Locator("tr.webhook[data-type='payment.succeeded']").First;
        await Expect(webhook.Locator(".state")).ToHaveTextAsync("dead");
        await Expect(webhook).ToContainTextAsync("Failing on purpose, every time");
        await Expect(order.Locator(".status")).ToHaveTextAsync("pending");

        await page.Locator("#stop-failing").ClickAsync();
        await Expect(page.Locator("#faults-state")).ToBeEmptyAsync();
        await webhook.Locator("button.replay").ClickAsync();

        await Expect(webhook.Locator(".state")).ToHaveTextAsync("processed");
        await Expect(order.Locator(".status")).ToHaveTextAsync("paid");
        await Expect(page.Locator("#message")).ToBeEmptyAsync();
    }

    /// <summary>Saves a screenshot and the page's HTML under TestResults/browser/ and says where.</summary>
    private static async Task<string> SaveEvidenceAsync(IPage page)
    {
        var folder = Path.Combine(SampleProcess.RepositoryRoot(), "TestResults", "browser");
        Directory.CreateDirectory(folder);
        var stem = Path.Combine(folder, $"shop-{DateTime.UtcNow:yyyyMMdd-HHmmss}");
        try
        {
            await page.ScreenshotAsync(new() { Path = stem + ".png", FullPage = true, Timeout = 5_000 });
            await File.WriteAllTextAsync(stem + ".html", await page.ContentAsync());
            return $"{stem}.png, {stem}.html";
        }
        catch (PlaywrightException exception)
        {
            return $"(could not be saved to {folder}: {exception.Message})";
        }
    }

    [GeneratedRegex(@"/orders\?")]
    private static partial Regex OrdersPage();

    [GeneratedRegex("^(paid|active)$")]
    private static partial Regex PaidOrActive();

    [GeneratedRegex(@"^\$\d[\d,]*\.\d{2}$")]
    private static partial Regex Amount();
}
