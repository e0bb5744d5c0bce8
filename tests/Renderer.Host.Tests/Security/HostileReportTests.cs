using System.Net;

namespace Renderer.Host.Tests.Security;

/// <summary>
/// The hostile-report suite: one RDL each under Security/Hostile. Each is refused at upload (compile time) or stopped
/// at run time with an error naming the cause; right after, the sample report still renders; no response body or
/// log line ever holds the data source's canary secret.
/// </summary>
[TestFixture]
public sealed class HostileReportTests : HostileServerTest
{
    private async Task<(HttpStatusCode Status, string Body)> Render(string file, string query = "")
    {
        var upload = await Upload(file);
        Assert.That(upload.Status, Is.EqualTo(HttpStatusCode.Created), upload.Body);
        var response = await Client.GetAsync($"/api/reports/{Path.GetFileNameWithoutExtension(file)}/render?format=csv{query}");
        var body = await response.Content.ReadAsStringAsync();
        Bodies.Add(body);
        return (response.StatusCode, body);
    }

    [TestCase("ReadFile.rdl", "System.IO.File")]
    [TestCase("WriteFile.rdl", "System.IO.File")]
    [TestCase("EnvironmentVariables.rdl", "System.Environment")]
    [TestCase("ReflectionToBroker.rdl", "System.Type")]
    [TestCase("ProcessStart.rdl", "Interaction.Shell")]
    [TestCase("ThreadBomb.rdl", "System.Threading.Thread")]
    [TestCase("CultureByRef.rdl", "passing 'System.Globalization.CultureInfo.CurrentCulture' ByRef is not allowed")]
    [TestCase("MidSetter.rdl", "Mid statement changing 'Microsoft.VisualBasic.DateAndTime.DateString' is not allowed")]
    public async Task Refused_at_compile_time_by_the_guard(string file, string named)
    {
        var (status, body) = await Upload(file);
        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(body, Does.Contain("EXP3100").And.Contain(named).And.Contain("not allowed"));
        Assert.That(File.Exists("/tmp/rdl-pwned.txt"), Is.False);
    }

    [TestCase("NestedLambdas.rdl", "this expression")]
    [TestCase("ConstantDoubling.rdl", "this line of the Code block")]
    public async Task A_compile_bomb_is_refused_by_the_compile_worker_and_the_host_stays_small(string file, string site)
    {
        GC.Collect();
        var before = Renderer.Host.Expressions.Worker.ProcStat.ResidentBytes(Environment.ProcessId);
        var (status, body) = await Upload(file);
        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest), body);
        Assert.That(body, Does.Contain("EXP3300").And.Contain(site).And.Contain("limit"));
        GC.Collect();
        var grown = Renderer.Host.Expressions.Worker.ProcStat.ResidentBytes(Environment.ProcessId) - before;
        Assert.That(grown, Is.LessThan(50L * 1024 * 1024), "the host's resident memory grows by less than 50 MB");
    }

    [Test]
    public async Task A_socket_cannot_even_be_compiled()
    {
        // System.Net is outside the assemblies report code compiles against: refused before the guard runs.
        var (status, body) = await Upload("Socket.rdl");
        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(body, Does.Contain("EXP300").And.Contain("TcpClient"));
    }

    [TestCase("Xxe.rdl")]
    [TestCase("BillionLaughs.rdl")]
    public async Task Dtds_are_refused_by_the_reader(string file)
    {
        var (status, body) = await Upload(file);
        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(body, Does.Contain("RDL1001").And.Contain("DTD"));
        Assert.That(body, Does.Not.Contain("root:x:0:0").And.Not.Contain("lollollol"));
    }

    [Test]
    public async Task An_infinite_loop_is_stopped_by_the_time_limit()
    {
        var (status, body) = await Render("InfiniteLoop.rdl");
        Assert.That(status, Is.EqualTo(HttpStatusCode.GatewayTimeout), body);
        Assert.That(body, Does.Contain("SBX7003").And.Contain("time limit"));
    }

    [Test]
    public async Task A_memory_bomb_hits_the_heap_limit_with_a_clear_error()
    {
        var (status, body) = await Render("MemoryBomb.rdl");
        await TestContext.Out.WriteLineAsync($"{(int)status}: {body}");
        Assert.That(body, Does.Contain("OutOfMemory").Or.Contain("out of memory"), $"{status}: {body}");
    }

    [Test]
    public async Task A_stack_overflow_crashes_only_the_sandbox_and_says_so()
    {
        var (status, body) = await Render("StackOverflow.rdl");
        Assert.That(status, Is.EqualTo(HttpStatusCode.InternalServerError), body);
        Assert.That(body, Does.Contain("SBX7001").And.Contain("stack overflow"));
    }

    [Test]
    public async Task An_image_path_outside_the_report_never_reaches_the_output()
    {
        // Image items are not rendered yet (they produce no content); whatever happens, /etc/passwd never shows.
        var (status, body) = await Render("ImageTraversal.rdl");
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body);
        Assert.That(body, Does.Contain("image below").And.Not.Contain("root:"));
    }

    [Test]
    public async Task A_dataset_naming_a_registered_data_source_the_report_does_not_declare_is_refused()
    {
        // CanaryDb is registered on the server, but the report declares only SalesDb: it may not reach CanaryDb.
        var (status, body) = await Upload("UndeclaredDataSource.rdl");
        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest), body);
        Assert.That(body, Does.Contain("RDL2003").And.Contain("CanaryDb"));
        Assert.That(body, Does.Not.Contain("1.5"), "no row of the undeclared data source is returned");
    }

    [Test]
    public async Task Sql_injection_through_a_string_parameter_matches_nothing()
    {
        var injection = Uri.EscapeDataString("' OR '1'='1");
        var (status, body) = await Render("SqlInjection.rdl", "&Region=" + injection);
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body);
        Assert.That(body, Does.Contain("0 rows"));
    }
}
