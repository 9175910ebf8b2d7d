using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DodoPayments.AspNetCore.Tests.Infrastructure;

/// <summary>Builds <see cref="DodoPaymentsOptions"/> the way an app does: configuration, AddDodoPayments, the options pipeline.</summary>
internal static class OptionsFactory
{
    public static ServiceProvider BuildProvider(IDictionary<string, string?> configuration, Func<IServiceCollection, IDodoPaymentsBuilder>? add = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(configuration).Build());
        services.AddLogging();
        (add ?? (s => s.AddDodoPayments()))(services);
        return services.BuildServiceProvider();
    }

    /// <summary>The options, built without validation (the validator is tested on its own).</summary>
    public static DodoPaymentsOptions Build(IDictionary<string, string?> configuration, Func<IServiceCollection, IDodoPaymentsBuilder>? add = null)
    {
        using var provider = BuildProvider(configuration, add);
        var options = new DodoPaymentsOptions();
        foreach (var configure in provider.GetServices<IConfigureOptions<DodoPaymentsOptions>>())
        {
            configure.Configure(options);
        }

        foreach (var postConfigure in provider.GetServices<IPostConfigureOptions<DodoPaymentsOptions>>())
        {
            postConfigure.PostConfigure(Options.DefaultName, options);
        }

        return options;
    }
}
