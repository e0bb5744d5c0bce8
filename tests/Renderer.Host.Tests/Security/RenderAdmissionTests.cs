using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Renderer.Host.Rendering;
using Renderer.Host.Sandboxing;
using Renderer.Host.Tests.EndToEnd;

namespace Renderer.Host.Tests.Security;

/// <summary>
/// Finding 11 of issue 12: 50 concurrent looping renders started 52 sandboxes (up to 1 GB each). Now an admission limit
/// with a bounded queue holds: the sandboxes holding a render never outnumber the limit, and every request gets an
/// answer, 200 or 503 with Retry-After.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class RenderAdmissionTests
{
    /// <summary>A report whose Code block keeps a core busy for about a second.</summary>
    private static readonly string Looping = AttackReports.WithCode("""
        Public Function Attack() As String
            Dim stopAt As DateTime = DateTime.Now.AddSeconds(1)
            Dim n As Long = 0
            Do While DateTime.Now &lt; stopAt
                n = n + 1
            Loop
            Return "looped " &amp; (n &gt; 0).ToString()
        End Function
        """);

    [Test]
    public async Task Fifty_concurrent_looping_renders_never_run_more_sandboxes_than_the_limit_and_all_get_an_answer()
    {
        using var server = new ServerFixture(new Dictionary<string, string?>
        {
            ["Renderer:Admission:MaxConcurrentRenders"] = "2",
            ["Renderer:Admission:MaxQueuedRenders"] = "3",
            ["Renderer:Admission:QueueTimeoutSeconds"] = "120",
            ["Renderer:Admission:RetryAfterSeconds"] = "7",
        });
        using var client = server.CreateClient();
        client.Timeout = TimeSpan.FromMinutes(5);
        var upload = await client.PostAsync("/api/reports?name=Looping", new StringContent(Looping, Encoding.UTF8, "application/xml"));
        Assert.That(upload.IsSuccessStatusCode, Is.True, await upload.Content.ReadAsStringAsync());
        var launcher = server.Services.GetRequiredService<SandboxLauncher>();
        var admission = server.Services.GetRequiredService<RenderAdmission>();
        Assert.That(admission.Limit, Is.EqualTo(2));

        var observed = new ConcurrentBag<(int InFlight, int Queued)>();
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                observed.Add((launcher.InFlight, admission.QueueLength));
                await Task.Delay(5);
            }
        });
        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(async _ =>
        {
            using var response = await client.GetAsync("/api/reports/Looping/render?format=csv");
            return (response.StatusCode, RetryAfter: response.Headers.RetryAfter?.Delta, Body: await response.Content.ReadAsStringAsync());
        }));
        await sampling.CancelAsync();
        await sampler;

        Assert.Multiple(() =>
        {
            foreach (var (status, retryAfter, body) in responses)
            {
                Assert.That(status, Is.EqualTo(HttpStatusCode.OK).Or.EqualTo(HttpStatusCode.ServiceUnavailable), body);
                if (status == HttpStatusCode.OK) Assert.That(body, Does.Contain("looped True"));
                else
                {
                    Assert.That(retryAfter, Is.EqualTo(TimeSpan.FromSeconds(7)), "a refused render says when to come back");
                    Assert.That(body, Does.Contain("SRV8100").And.Contain("busy"));
                }
            }
            Assert.That(responses.Count(r => r.StatusCode == HttpStatusCode.OK), Is.GreaterThanOrEqualTo(2 + 3), "the running and queued renders complete");
            Assert.That(responses.Count(r => r.StatusCode == HttpStatusCode.ServiceUnavailable), Is.GreaterThan(0), "the rest are refused");
            Assert.That(launcher.PeakInFlight, Is.LessThanOrEqualTo(2), "sandboxes holding a render at once");
            Assert.That(observed.Max(o => o.InFlight), Is.LessThanOrEqualTo(2));
            Assert.That(observed.Max(o => o.Queued), Is.LessThanOrEqualTo(3));
        });
    }

    [Test]
    public void The_memory_budget_caps_the_limit_by_the_sandbox_heap_limit()
    {
        var sandbox = new SandboxOptions { MemoryLimitMegabytes = 512 };

        Assert.That(RenderAdmission.EffectiveLimit(new RenderAdmissionOptions { MaxConcurrentRenders = 8, MemoryBudgetMegabytes = 1024 }, sandbox, 65536), Is.EqualTo(2));
        Assert.That(RenderAdmission.EffectiveLimit(new RenderAdmissionOptions { MaxConcurrentRenders = 8 }, sandbox, 4096), Is.EqualTo(4), "default budget: half of 4 GB");
        Assert.That(RenderAdmission.EffectiveLimit(new RenderAdmissionOptions { MaxConcurrentRenders = 3, MemoryBudgetMegabytes = 8192 }, sandbox, 65536), Is.EqualTo(3));
        Assert.That(RenderAdmission.EffectiveLimit(new RenderAdmissionOptions(), sandbox, 1 << 20), Is.EqualTo(2 * Environment.ProcessorCount), "default: twice the cores");
    }

    [Test]
    public void The_server_applies_the_memory_budget_from_configuration()
    {
        using var server = new ServerFixture(new Dictionary<string, string?>
        {
            ["Renderer:Admission:MaxConcurrentRenders"] = "8",
            ["Renderer:Admission:MemoryBudgetMegabytes"] = "1024",
            ["Sandbox:MemoryLimitMegabytes"] = "512",
        });
        using var client = server.CreateClient();

        Assert.That(server.Services.GetRequiredService<RenderAdmission>().Limit, Is.EqualTo(2));
    }

    [Test]
    public void A_budget_smaller_than_one_sandbox_heap_limit_stops_the_server_at_start()
    {
        using var server = new ServerFixture(new Dictionary<string, string?>
        {
            ["Renderer:Admission:MemoryBudgetMegabytes"] = "256",
            ["Sandbox:MemoryLimitMegabytes"] = "1024",
        });

        Assert.That(server.StartFailure(), Does.Contain("Renderer:Admission:MemoryBudgetMegabytes").And.Contain("Sandbox:MemoryLimitMegabytes"));
    }
}
