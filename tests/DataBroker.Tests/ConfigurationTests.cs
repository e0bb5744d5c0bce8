using Microsoft.Extensions.Options;

namespace DataBroker.Tests;

public class ConfigurationTests
{
    [Test]
    public void Defaults_are_five_million_rows_and_sixty_seconds()
    {
        using var broker = new TestBroker(new Dictionary<string, string?>());
        var options = broker.Get<IOptions<DataBrokerOptions>>().Value;

        Assert.That(options.MaxRows, Is.EqualTo(5_000_000));
        Assert.That(options.QueryTimeoutSeconds, Is.EqualTo(60));
    }

    [Test]
    public void Unknown_provider_and_missing_connection_string_fail_validation()
    {
        using var broker = new TestBroker(new Dictionary<string, string?>
        {
            ["DataBroker:DataSources:Warehouse:Provider"] = "oracle",
            ["DataBroker:DataSources:Warehouse:ConnectionString"] = "x",
            ["DataBroker:DataSources:Files:Provider"] = "csv",
            ["DataBroker:DataSources:Files:CredentialName"] = "Nope",
        });

        var error = Assert.Throws<OptionsValidationException>(() => _ = broker.Get<IOptions<DataBrokerOptions>>().Value);

        Assert.That(error!.Failures, Has.Some.Contains("Warehouse:Provider"));
        Assert.That(error.Failures, Has.Some.Contains("Files:ConnectionString"));
        Assert.That(error.Failures, Has.Some.Contains("'Nope'"));
    }
}
