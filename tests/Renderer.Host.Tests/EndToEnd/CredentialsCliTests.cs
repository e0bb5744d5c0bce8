using Renderer.Host.Cli;
using Renderer.Host.Tests.Security;
using UglyToad.PdfPig;

namespace Renderer.Host.Tests.EndToEnd;

/// <summary>The <c>credentials</c> command on a host whose data source connection strings are stored encrypted.</summary>
[TestFixture]
public sealed class CredentialsCliTests
{
    private EncryptedCredentialServer _server = null!;

    [OneTimeSetUp]
    public void Start()
    {
        _server = new EncryptedCredentialServer();
        _ = _server.Services;
    }

    [OneTimeTearDown]
    public void Stop() => _server.Dispose();

    private async Task<(int Code, string Output, string Error)> Run(string stdin, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = await CredentialsCommand.RunAsync(_server.Services, ["credentials", .. args], new StringReader(stdin), output, error);
        return (code, output.ToString(), error.ToString());
    }

    private async Task RenderSalesAsync()
    {
        var pdfPath = Path.Combine(_server.DataFolder, Guid.NewGuid().ToString("N") + ".pdf");
        var rdl = Path.Combine(ErrorHandlingTests.ProjectRoot(), "samples", "rdl", "Sales.rdl");
        var stderr = new StringWriter();
        int code = await RenderCommand.RunAsync(_server.Services, ["render", rdl, "--out", pdfPath, "--param", "Year=2024"], new StringWriter(), stderr);
        Assert.That(code, Is.EqualTo(0), stderr.ToString());
        using var pdf = PdfDocument.Open(pdfPath);
        Assert.That(pdf.GetPage(1).Text, Does.Contain("Sales by Region, 2024"));
    }

    [Test]
    public void The_program_dispatches_credentials_as_a_command()
    {
        Assert.That(CredentialsCommand.IsCredentials(["credentials", "list"]), Is.True);
        Assert.That(CredentialsCommand.IsCredentials(["render", "x.rdl"]), Is.False);
    }

    [Test]
    public async Task List_shows_names_and_key_ids_but_never_values()
    {
        var (code, output, _) = await Run(string.Empty, "list");

        Assert.That(code, Is.EqualTo(0));
        Assert.That(output, Does.Contain("SalesDb").And.Contain("CanaryDb").And.Contain("key "));
        Assert.That(output, Does.Not.Contain(EncryptedCredentialServer.Canary).And.Not.Contain("Data Source"));
    }

    [Test]
    public async Task Set_from_stdin_stores_the_value_encrypted_and_the_report_renders_with_it()
    {
        var (code, output, error) = await Run("Data Source={DataFolder}/sample.db;Mode=ReadOnly\n", "set", "SalesDb", "--from-stdin");

        Assert.That(code, Is.EqualTo(0), error);
        Assert.That(output, Does.Contain("'SalesDb'").And.Not.Contain("sample.db"));
        Assert.That(File.ReadAllText(_server.CredentialFile), Does.Not.Contain("sample.db"));
        await RenderSalesAsync();
    }

    [Test]
    public async Task Set_with_a_value_for_an_unregistered_source_warns()
    {
        var (code, _, error) = await Run(string.Empty, "set", "Unregistered", "--connection-string", "Data Source=x.db");

        Assert.That(code, Is.EqualTo(0));
        Assert.That(error, Does.Contain("not registered"));
        Assert.That((await Run(string.Empty, "remove", "Unregistered")).Code, Is.EqualTo(0));
    }

    [Test]
    public async Task New_key_then_rotate_then_removing_the_old_key_keeps_every_source_working()
    {
        var before = (await Run(string.Empty, "list")).Output;
        var oldKey = before.Split('\n')[0].Split("key ")[1].Trim();

        var added = await Run(string.Empty, "new-key", "--id", "rotated-1");
        Assert.That(added.Code, Is.EqualTo(0), added.Error);
        Assert.That(added.Output, Does.Contain("'rotated-1'").And.Contain(_server.KeyFile));
        Assert.That((await Run(string.Empty, "rotate")).Output, Does.Contain("Re-encrypted 2"));
        var removed = await Run(string.Empty, "remove-key", oldKey);
        Assert.That(removed.Code, Is.EqualTo(0), removed.Error);

        var after = (await Run(string.Empty, "list")).Output;
        Assert.That(after.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split("key ")[1].Trim()), Is.All.EqualTo("rotated-1"));
        Assert.That(File.ReadAllText(_server.KeyFile), Does.Not.Contain(oldKey + ":"));
        await RenderSalesAsync();
    }

    [Test]
    public async Task Errors_exit_with_1_and_a_code_and_bad_usage_with_2()
    {
        var unknown = await Run(string.Empty, "remove-key", "no-such-key");
        Assert.That(unknown.Code, Is.EqualTo(1));
        Assert.That(unknown.Error, Does.Contain("error DAT6022"));

        Assert.That((await Run(string.Empty, "set", "SalesDb")).Code, Is.EqualTo(2));
        Assert.That((await Run(string.Empty, "frobnicate")).Code, Is.EqualTo(2));
    }
}
