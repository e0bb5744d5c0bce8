using Microsoft.Extensions.Options;
using Renderer.Host.Sandboxing;

namespace Renderer.Host.Rendering;

/// <summary>Checks <see cref="RenderAdmissionOptions"/> at start, against the sandbox heap limit the memory budget must hold.</summary>
internal sealed class RenderAdmissionOptionsValidator(IOptions<SandboxOptions> sandbox) : IValidateOptions<RenderAdmissionOptions>
{
    public ValidateOptionsResult Validate(string? name, RenderAdmissionOptions options)
    {
        var failures = new List<string>();
        if (options.MaxConcurrentRenders < 0) failures.Add("Renderer:Admission:MaxConcurrentRenders must be 0 (twice the cores) or positive.");
        if (options.MaxQueuedRenders < 0) failures.Add("Renderer:Admission:MaxQueuedRenders must be 0 (no queue) or positive.");
        if (options.QueueTimeoutSeconds < 0) failures.Add("Renderer:Admission:QueueTimeoutSeconds must be 0 or positive.");
        if (options.RetryAfterSeconds < 1) failures.Add("Renderer:Admission:RetryAfterSeconds must be at least 1.");
        if (options.MemoryBudgetMegabytes < 0) failures.Add("Renderer:Admission:MemoryBudgetMegabytes must be 0 (half the machine's memory) or positive.");
        var heap = sandbox.Value.MemoryLimitMegabytes;
        var budget = RenderAdmission.Budget(options, RenderAdmission.TotalMemoryMegabytes());
        if (heap > 0 && budget < heap)
        {
            failures.Add($"The render memory budget ({budget} MB, Renderer:Admission:MemoryBudgetMegabytes) is smaller than one sandbox's heap limit " +
                $"({heap} MB, Sandbox:MemoryLimitMegabytes), so no render could run; raise the budget or lower the limit.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
