using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;

namespace Renderer.Host.Sandboxing;

/// <summary>What this machine's kernel and the native launcher support (from <c>rdl-sandbox-launcher --probe</c>).</summary>
public sealed record IsolationSupport(SandboxLayers Available, int LandlockAbi, string? Problem);

/// <summary>The layers a render gets: those requested and available, and those requested but missing.</summary>
public sealed record IsolationPlan(SandboxLayers Applied, SandboxLayers Missing, IsolationSupport Support)
{
    /// <summary>"network namespace: on, seccomp: MISSING, ..." for the start-up log and strict-mode errors.</summary>
    public string Describe(SandboxLayers requested) => string.Join(", ",
        Enum.GetValues<SandboxLayers>().Where(l => l is not SandboxLayers.None and not SandboxLayers.All).Select(l =>
            $"{Name(l)}: {(Applied.HasFlag(l) ? "on" : Missing.HasFlag(l) ? "MISSING" : requested.HasFlag(l) ? "?" : "off")}"))
        + (Support.Problem is { } problem ? $" ({problem})" : string.Empty);

    public static string Name(SandboxLayers layer) => layer switch
    {
        SandboxLayers.SeparateUser => "separate user",
        SandboxLayers.NetworkNamespace => "network namespace",
        SandboxLayers.Seccomp => "seccomp",
        SandboxLayers.Landlock => "landlock",
        SandboxLayers.ResourceLimits => "resource limits",
        SandboxLayers.Namespaces => "namespaces and filesystem view (bubblewrap)",
        _ => layer.ToString(),
    };
}

/// <summary>
/// Finds out once per launcher path which isolation layers work here (running the launcher's probe), plans each
/// render's layers and logs the result the first time. Linux only; elsewhere nothing is available.
/// </summary>
public static class SandboxIsolation
{
    public const string LauncherFileName = "rdl-sandbox-launcher";
    private const int FirstUid = 200_000;
    private const int UidCount = 50_000;

    private static readonly ConcurrentDictionary<string, Lazy<IsolationSupport>> Probes = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, bool> Logged = new(StringComparer.Ordinal);
    private static int _uidCounter;

    /// <summary>The layers that work here with this launcher and bubblewrap (default: the first <c>bwrap</c> on PATH).</summary>
    public static IsolationSupport Probe(string launcherPath, string? bubblewrapPath = null)
    {
        var bubblewrap = bubblewrapPath ?? new SandboxOptions().ResolveBubblewrapPath();
        return Probes.GetOrAdd(launcherPath + "|" + bubblewrap, _ => new Lazy<IsolationSupport>(() => RunProbe(launcherPath, bubblewrap))).Value;
    }

    public static IsolationPlan Plan(SandboxOptions options, ILogger logger)
    {
        var launcher = options.ResolveLauncherPath();
        var support = Support(options);
        var plan = new IsolationPlan(options.Layers & support.Available, options.Layers & ~support.Available, support);
        if (Logged.TryAdd(launcher + "|" + options.Layers, true))
        {
            if (plan.Missing == SandboxLayers.None)
                logger.LogInformation("Sandbox isolation: {Layers}", plan.Describe(options.Layers));
            else
                logger.LogWarning("Sandbox isolation is incomplete on this machine: {Layers}{Strict}", plan.Describe(options.Layers),
                    options.Strict ? "; Sandbox:Strict is set, so renders are refused" : "; set Sandbox:Strict=true to refuse to run like this");
        }
        return plan;
    }

    /// <summary>
    /// What the launcher supports here, less the separate-user layer when the sandbox's own uid could not read the
    /// runtime or the sandbox files (a checkout in a private folder, mode 700 somewhere up the path): every render
    /// would fail, so that layer is reported missing instead.
    /// </summary>
    public static IsolationSupport Support(SandboxOptions options)
    {
        var support = Probe(options.ResolveLauncherPath(), options.ResolveBubblewrapPath());
        if (support.Available.HasFlag(SandboxLayers.SeparateUser) && UnreachableByOtherUsers(options) is { } blocked)
            support = support with { Available = support.Available & ~SandboxLayers.SeparateUser, Problem = $"{blocked} is not readable by other users, so the separate-user layer cannot be used" };
        return support;
    }

    private static string? UnreachableByOtherUsers(SandboxOptions options)
    {
        if (!OperatingSystem.IsLinux()) return null;
        var paths = new List<string> { options.ResolveSandboxPath() };
        if (DotnetMuxer.Find(options.DotnetPath) is { } dotnet) paths.Add(dotnet);
        foreach (var path in paths)
        {
            if (!File.Exists(path)) continue;
            var full = Path.GetFullPath(path);
            if (!File.GetUnixFileMode(full).HasFlag(UnixFileMode.OtherRead)) return full;
            for (var dir = Path.GetDirectoryName(full); !string.IsNullOrEmpty(dir); dir = Path.GetDirectoryName(dir))
                if (!File.GetUnixFileMode(dir).HasFlag(UnixFileMode.OtherExecute)) return dir;
        }
        return null;
    }

    /// <summary>A uid for the next sandbox, so concurrent sandboxes cannot reach each other and each has its own thread limit.</summary>
    public static int NextUid() => FirstUid + (int)((uint)Interlocked.Increment(ref _uidCounter) % UidCount);

    private static IsolationSupport RunProbe(string launcher, string bubblewrap)
    {
        if (!OperatingSystem.IsLinux()) return new IsolationSupport(SandboxLayers.None, 0, "process isolation needs Linux");
        if (!File.Exists(launcher)) return new IsolationSupport(SandboxLayers.None, 0, $"the sandbox launcher was not found at {launcher}");
        var (values, error) = RunLauncher(launcher, ["--probe"]);
        if (values is null) return new IsolationSupport(SandboxLayers.None, 0, $"the sandbox launcher could not run: {error}");
        int Get(string name) => values.GetValueOrDefault(name);
        var layers = SandboxLayers.ResourceLimits;
        if (Get("setuid") == 1) layers |= SandboxLayers.SeparateUser;
        if (Get("netns") == 1) layers |= SandboxLayers.NetworkNamespace;
        if (Get("seccomp") == 1) layers |= SandboxLayers.Seccomp;
        if (Get("landlock") >= 1) layers |= SandboxLayers.Landlock;
        var problem = ProbeNamespaces(launcher, bubblewrap, layers);
        if (problem is null) layers |= SandboxLayers.Namespaces;
        return new IsolationSupport(layers, Get("landlock"), problem);
    }

    /// <summary>
    /// Runs the launcher's probe inside bubblewrap's namespaces exactly as a sandbox is started (as the sandbox's uid
    /// when this process may switch to it); null when that works, else why not.
    /// </summary>
    private static string? ProbeNamespaces(string launcher, string bubblewrap, SandboxLayers available)
    {
        if (!File.Exists(bubblewrap)) return $"bubblewrap was not found at {bubblewrap} (apt-get install bubblewrap), so the namespaces layer cannot be used";
        var workingDirectory = Directory.CreateTempSubdirectory("rdl-sandbox-probe-").FullName;
        try
        {
            var options = new SandboxOptions { LauncherPath = launcher, BubblewrapPath = bubblewrap };
            var plan = new IsolationPlan(SandboxLayers.Namespaces | (available & (SandboxLayers.SeparateUser | SandboxLayers.NetworkNamespace)), SandboxLayers.None,
                new IsolationSupport(available, 0, null));
            var (values, error) = RunLauncher(launcher, LauncherArguments.Build(plan, options, new SandboxCommand(launcher, [], ["--probe"]), workingDirectory));
            return values is not null && values.ContainsKey("seccomp") ? null : $"bubblewrap could not build the sandbox's namespaces here: {error}";
        }
        finally
        {
            try
            {
                Directory.Delete(workingDirectory, recursive: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
            }
        }
    }

    /// <summary>Runs the launcher with an empty environment and reads its "name=value" probe line, or the error.</summary>
    private static (Dictionary<string, int>? Values, string Error) RunLauncher(string launcher, IReadOnlyList<string> arguments)
    {
        try
        {
            var start = new ProcessStartInfo(launcher) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in arguments) start.ArgumentList.Add(argument);
            start.Environment.Clear();
            using var process = Process.Start(start) ?? throw new InvalidOperationException("no process");
            var errors = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            if (!process.WaitForExit(10_000)) process.Kill();
            if (process.ExitCode != 0) return (null, $"exit code {process.ExitCode}: {errors.Result.Trim()}");
            var values = output.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries)
                .Select(p => p.Split('=', 2)).Where(p => p.Length == 2)
                .ToDictionary(p => p[0], p => int.TryParse(p[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : 0, StringComparer.Ordinal);
            return (values, string.Empty);
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
            return (null, ex.Message);
        }
    }
}
