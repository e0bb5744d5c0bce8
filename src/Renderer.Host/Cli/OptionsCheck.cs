using Microsoft.Extensions.Options;

namespace Renderer.Host.Cli;

/// <summary>
/// The validation the server runs as it starts (every options class registered with ValidateOnStart), run by a
/// command before it does anything: a bad setting stops it with the message naming the setting.
/// </summary>
public static class OptionsCheck
{
    public static bool Passes(IServiceProvider services, TextWriter error)
    {
        try
        {
            services.GetService<IStartupValidator>()?.Validate();
            return true;
        }
        catch (Exception ex) when (ex is OptionsValidationException or AggregateException or InvalidOperationException)
        {
            var messages = ex is AggregateException all ? all.InnerExceptions.Select(e => e.Message) : [ex.Message];
            foreach (var message in messages) error.WriteLine($"Configuration error: {message}");
            return false;
        }
    }
}
