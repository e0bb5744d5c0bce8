using System.Xml.Linq;

namespace Rdl.Model.Reading;

/// <summary>The RDL report-definition namespaces the reader accepts and the schema year each maps to.</summary>
internal static class RdlNamespaces
{
    public const string Rdl2003 = "http://schemas.microsoft.com/sqlserver/reporting/2003/10/reportdefinition";
    public const string Rdl2005 = "http://schemas.microsoft.com/sqlserver/reporting/2005/01/reportdefinition";
    public const string Rdl2007PreRelease = "http://schemas.microsoft.com/sqlserver/reporting/2007/01/reportdefinition";
    public const string Rdl2008 = "http://schemas.microsoft.com/sqlserver/reporting/2008/01/reportdefinition";
    public const string Rdl2009PreRelease = "http://schemas.microsoft.com/sqlserver/reporting/2009/01/reportdefinition";
    public const string Rdl2010 = "http://schemas.microsoft.com/sqlserver/reporting/2010/01/reportdefinition";
    public const string Rdl2016 = "http://schemas.microsoft.com/sqlserver/reporting/2016/01/reportdefinition";

    /// <summary>The Report Designer namespace (<c>rd:</c>); only <c>rd:TypeName</c> in a Field is read.</summary>
    public static readonly XNamespace ReportDesigner = "http://schemas.microsoft.com/SQLServer/reporting/reportdesigner";

    /// <summary>The schema year of a released namespace, or null when the namespace is not a released RDL namespace.</summary>
    public static int? ReleasedYear(string ns) => ns switch
    {
        Rdl2003 => 2003,
        Rdl2005 => 2005,
        Rdl2008 => 2008,
        Rdl2010 => 2010,
        Rdl2016 => 2016,
        _ => null,
    };

    /// <summary>Pre-release (CTP) namespaces of SQL Server 2008 and 2008 R2, read as the release that followed.</summary>
    public static int? PreReleaseYear(string ns) => ns switch
    {
        Rdl2007PreRelease => 2008,
        Rdl2009PreRelease => 2010,
        _ => null,
    };
}
