using DataBroker.Connectors;
using DataBroker.Credentials;
using DataBroker.Queries;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace DataBroker;

public static class DataBrokerServiceCollectionExtensions
{
    /// <summary>
    /// Registers the data broker: <see cref="DataBrokerOptions"/> bound from the <c>DataBroker</c> section of
    /// <paramref name="configuration"/> (the root, or the section itself) and validated on start, the
    /// <see cref="DataSourceResolver"/>, the sqlite, csv and json connectors, the <see cref="EncryptedCredentialStore"/> as
    /// <see cref="ICredentialStore"/> (encrypted connection strings from <c>DataBroker:CredentialFile</c>, credentials by name from
    /// configuration; replaceable: register another before calling this), its <see cref="CredentialStartupCheck"/>,
    /// <see cref="CredentialManager"/>, and <see cref="QueryRunner"/> (also as <see cref="IQueryRunner"/>).
    /// </summary>
    public static IServiceCollection AddDataBroker(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        var section = configuration is IConfigurationSection { Key: DataBrokerOptions.SectionName } self
            ? self
            : configuration.GetSection(DataBrokerOptions.SectionName);
        services.AddOptions<DataBrokerOptions>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DataBrokerOptions>, DataBrokerOptionsValidator>());

        services.AddLogging();
        services.TryAddSingleton<DataSourceResolver>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDataSourceConnector, SqliteConnector>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDataSourceConnector, CsvConnector>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDataSourceConnector, JsonConnector>());
        services.AddOptions<CredentialStoreOptions>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CredentialStoreOptions>, CredentialStoreOptionsValidator>());
        services.TryAddSingleton<ICredentialStore, EncryptedCredentialStore>();
        services.TryAddSingleton<CredentialManager>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, CredentialStartupCheck>());
        services.TryAddSingleton<QueryRunner>();
        services.TryAddSingleton<IQueryRunner>(sp => sp.GetRequiredService<QueryRunner>());
        return services;
    }
}
