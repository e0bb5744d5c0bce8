using Microsoft.Extensions.Configuration.Memory;

namespace Renderer.Host.Cli;

/// <summary>
/// Commands log at Warning by default: a render prints its result and its report's diagnostics, not the server's
/// Information lines. The default sits just above appsettings.json (which sets Information for the server), so an
/// environment variable (<c>Logging__LogLevel__Default=Information</c>) or a later source still overrides it.
/// </summary>
public static class CliLogging
{
    public static void WarnByDefault(IConfigurationBuilder configuration)
    {
        var sources = configuration.Sources;
        var afterFiles = 0;
        for (var i = 0; i < sources.Count; i++)
            if (sources[i] is FileConfigurationSource) afterFiles = i + 1;
        sources.Insert(afterFiles, new MemoryConfigurationSource
        {
            InitialData = [new("Logging:LogLevel:Default", "Warning"), new("Logging:LogLevel:Microsoft.AspNetCore", "Warning")],
        });
    }
}
