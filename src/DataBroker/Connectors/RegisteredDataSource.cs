namespace DataBroker.Connectors;

/// <summary>A data source registered under <c>DataBroker:DataSources</c>. <see cref="ToString"/> hides the connection string.</summary>
public sealed record RegisteredDataSource(string Name, string Provider, string ConnectionString, string? CredentialName)
{
    public override string ToString() => $"Data source '{Name}' ({Provider})";
}
