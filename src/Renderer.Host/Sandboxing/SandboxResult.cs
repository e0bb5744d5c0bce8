using System.Collections.Immutable;
using Rdl.Model.Diagnostics;
using Renderer.Sandbox;

namespace Renderer.Host.Sandboxing;

/// <summary>How a sandboxed render ended.</summary>
public enum SandboxOutcome
{
    /// <summary>The sandbox returned an output (whose diagnostics may still hold report errors).</summary>
    Completed,

    /// <summary>The render threw inside the sandbox (SBX7002).</summary>
    RenderFailed,

    /// <summary>The process ended without answering (SBX7001).</summary>
    Crashed,

    /// <summary>The time limit passed and the process was killed (SBX7003).</summary>
    TimedOut,

    /// <summary>The process sent something the protocol does not allow and was killed (SBX7004).</summary>
    ProtocolError,

    /// <summary>The process could not be started (SBX7000): the sandbox or dotnet is missing.</summary>
    StartFailed,
}

/// <summary>
/// The result of one sandboxed render. <see cref="Diagnostics"/> are the output's diagnostics on success, else the
/// failure's. <see cref="ExitCode"/> and <see cref="StandardErrorTail"/> are for logs, not for users.
/// </summary>
public sealed record SandboxResult(SandboxOutcome Outcome, RenderOutput? Output, ImmutableArray<RdlDiagnostic> Diagnostics)
{
    public bool Success => Outcome == SandboxOutcome.Completed && Output is not null;

    /// <summary>
    /// The process's exit code (128 + signal when a signal ended it) for a failed render; null when it never started,
    /// and for a completed render, which returns before its process has ended (see <see cref="ProcessExit"/>).
    /// </summary>
    public int? ExitCode { get; init; }

    /// <summary>For a completed render: completes with the exit code once the process has ended and been reaped and its folder deleted.</summary>
    public Task<int>? ProcessExit { get; init; }

    /// <summary>The last ~4 KB the process wrote to stderr.</summary>
    public string StandardErrorTail { get; init; } = string.Empty;
}
