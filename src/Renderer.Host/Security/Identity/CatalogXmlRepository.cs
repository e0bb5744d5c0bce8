using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Renderer.Host.Catalog.Database;

namespace Renderer.Host.Security.Identity;

/// <summary>
/// Stores ASP.NET Core data-protection keys in the catalog database, so cookies and protected sign-in sessions
/// survive a restart and hosts sharing one PostgreSQL catalog read each other's. Keys are parsed without DTDs.
/// </summary>
public sealed class CatalogXmlRepository(CatalogDatabase database) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var connection = database.OpenAsync().GetAwaiter().GetResult();
        using var command = connection.Command("SELECT xml FROM data_protection_keys ORDER BY created_at");
        using var reader = command.ExecuteReader();
        var elements = new List<XElement>();
        while (reader.Read())
        {
            using var xml = System.Xml.XmlReader.Create(new StringReader(reader.GetString(0)), new System.Xml.XmlReaderSettings { DtdProcessing = System.Xml.DtdProcessing.Prohibit, XmlResolver = null });
            elements.Add(XElement.Load(xml));
        }
        return elements;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var connection = database.OpenAsync().GetAwaiter().GetResult();
        using var command = connection.Command("INSERT INTO data_protection_keys (name, xml, created_at) VALUES (@name, @xml, @at)")
            .With("name", friendlyName).With("xml", element.ToString(SaveOptions.DisableFormatting)).With("at", DateTimeOffset.UtcNow.ToUnixMs());
        command.ExecuteNonQuery();
    }
}
