using System.Diagnostics;

namespace DodoPayments.AspNetCore.IntegrationTests.Sample;

/// <summary>Runs the built sample as its own process, as a user would, to see what a bad configuration does at start.</summary>
public sealed class SampleProcessTests : IDisposable
{
    /// <summary>The sample's database, kept out of the project folder (the sample creates it before the host starts).</summary>
    private readonly string _folder = Directory.CreateTempSubdirectory("dodo-sample-process-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Sample_RelativeReturnUrl_ExitsNonZeroNamingTheKey()
    {
        var (exitCode, output) = await RunSampleAsync(new() { ["DodoPayments__ReturnUrl"] = "/thanks" });

        Assert.NotEqual(0, exitCode);
        Assert.Contains("DodoPayments:ReturnUrl must be an absolute http or https URL", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sample_MalformedWebhookKey_ExitsNonZeroNamingTheKeyNotItsValue()
    {
        var (exitCode, output) = await RunSampleAsync(new() { ["DODO_PAYMENTS_WEBHOOK_KEY"] = "whsec_top*secret" });

        Assert.NotEqual(0, exitCode);
        Assert.Contains("DodoPayments:WebhookKey is not a valid signing secret", output, StringComparison.Ordinal);
        Assert.DoesNotContain("top*secret", output, StringComparison.Ordinal);
    }

    /// <summary>Starts the sample in Production (so it does not fall back to the stand-in) and waits for it to exit.</summary>
    private async Task<(int ExitCode, string Output)> RunSampleAsync(Dictionary<string, string> environment)
    {
        var sample = Path.Combine(AppContext.BaseDirectory, "DodoPayments.AspNetCore.Sample.dll");
        var start = new ProcessStartInfo("dotnet", [sample])
        {
            // The content root, as under dotnet run: the sample's settings (its catalogue) live there, not in bin.
            WorkingDirectory = SampleProjectFolder(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__Shop"] = $"Data Source={Path.Combine(_folder, "shop.db")}";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("The sample did not exit: it started despite the bad configuration.");
        }

        return (process.ExitCode, await stdout + await stderr);
    }

    private static string SampleProjectFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var sample = Path.Combine(directory.FullName, "samples", "DodoPayments.AspNetCore.Sample");
            if (Directory.Exists(sample))
            {
                return sample;
            }
        }

        throw new DirectoryNotFoundException($"No samples/DodoPayments.AspNetCore.Sample above {AppContext.BaseDirectory}.");
    }
}
