using System.Collections.Immutable;
using System.Xml.Linq;
using Rdl.Model.Definitions;
using Rdl.Model.Definitions.Data;
using Rdl.Model.Definitions.Items;
using Rdl.Model.Definitions.Styling;
using Rdl.Model.Diagnostics;
using N = Rdl.Model.Reading.RdlElementNames;

namespace Rdl.Model.Reading;

/// <summary>
/// Reads the &lt;Report&gt; root: data, parameters, code and the sections. RDL 2010+ ReportSections are read
/// as they are; RDL 2003-2008 Body / Width / Page (or page settings directly under Report) become one section.
/// </summary>
internal sealed class ReportReader
{
    private readonly ReadContext _context;
    private readonly StyleReader _styles;
    private readonly DataReader _data;
    private readonly ParameterReader _parameters;
    private readonly ItemReader _items;

    public ReportReader(ReadContext context)
    {
        _context = context;
        _styles = new StyleReader(context);
        _data = new DataReader(context);
        _parameters = new ParameterReader(context);
        _items = new ItemReader(context, _styles, _data);
    }

    public ReportDefinition Read(XElement root, string reportName)
    {
        var dataSources = ImmutableArray<DataSourceDefinition>.Empty;
        var dataSets = ImmutableArray<DataSetDefinition>.Empty;
        var parameters = ImmutableArray<ReportParameterDefinition>.Empty;
        var sections = ImmutableArray.CreateBuilder<ReportSection>();
        string? code = null, language = null;
        var variables = ImmutableArray<VariableDefinition>.Empty;
        var embeddedImages = ImmutableArray<EmbeddedImage>.Empty;
        var codeModules = ImmutableArray<CodeModuleReference>.Empty;
        var codeLocation = SourceLocation.None;
        Expressions.ExpressionText? initialPageName = null;
        XElement? parameterLayout = null;

        // RDL 2003-2008: section parts directly under Report.
        var legacyPage = new PageReader(_context, _items, _styles);
        Body? legacyBody = null;
        var legacyWidth = ReportSize.Zero;

        foreach (var child in _context.Children(root))
        {
            switch (child.Name.LocalName)
            {
                case N.DataSources: dataSources = _data.ReadDataSources(child); break;
                case N.DataSets: dataSets = _data.ReadDataSets(child); break;
                case N.ReportParameters: parameters = _parameters.Read(child); break;
                case "ReportParametersLayout": parameterLayout = child; break;
                case N.Code:
                    code = child.Value;
                    // Where the code text starts (errors in it map to lines and columns from there).
                    codeLocation = _context.LocationOf((XObject?)child.FirstNode ?? child);
                    break;
                case N.Language: language = ReadContext.Text(child); break;
                case "InitialPageName": initialPageName = _context.Expression(child, N.Report + ".InitialPageName"); break;
                case "Variables": variables = VariableReader.Read(_context, child, N.Report); break;
                case "EmbeddedImages": embeddedImages = _items.Images.ReadEmbeddedImages(child); break;
                case "CodeModules": codeModules = CodeModuleReader.Read(_context, child); break;
                case N.ReportSections: ReadSections(child, sections); break;
                case N.Body: legacyBody = ReadBody(child, legacyPage); break;
                case N.Width: legacyWidth = _context.Size(child, N.Report); break;
                case N.Page: legacyPage.ReadPage(child); break;
                default:
                    if (!legacyPage.TryRead(child, N.Report)) _context.Unknown(child, N.Report);
                    break;
            }
        }

        if (legacyBody is not null)
        {
            legacyPage.CheckUsableArea(root);
            sections.Insert(0, new ReportSection(legacyBody, legacyPage.Page, legacyWidth));
        }
        if (sections.Count == 0)
            _context.Error(RdlDiagnosticCodes.MissingRequired, "The report has no Body (and no ReportSections/ReportSection/Body).", root);

        return new ReportDefinition(reportName, dataSources, dataSets, parameters, sections.ToImmutable())
        {
            SchemaYear = _context.SchemaYear,
            Code = code,
            CodeLocation = codeLocation,
            Language = language,
            InitialPageName = initialPageName,
            Variables = variables,
            EmbeddedImages = embeddedImages,
            CodeModules = codeModules,
            ParameterLayout = parameterLayout is null ? null : ParameterLayoutReader.Read(_context, parameterLayout, parameters),
        };
    }

    private void ReadSections(XElement element, ImmutableArray<ReportSection>.Builder sections)
    {
        foreach (var child in _context.Children(element))
        {
            if (child.Name.LocalName == N.ReportSection) ReadSection(child, sections);
            else _context.Unknown(child, N.ReportSections);
        }
    }

    private void ReadSection(XElement element, ImmutableArray<ReportSection>.Builder sections)
    {
        var owner = $"ReportSection {sections.Count + 1}";
        var page = new PageReader(_context, _items, _styles);
        Body? body = null;
        var width = ReportSize.Zero;
        foreach (var child in _context.Children(element))
        {
            switch (child.Name.LocalName)
            {
                case N.Body: body = ReadBody(child, page); break;
                case N.Width: width = _context.Size(child, owner); break;
                case N.Page: page.ReadPage(child); break;
                default: _context.Unknown(child, owner); break;
            }
        }
        if (body is null)
        {
            _context.Error(RdlDiagnosticCodes.MissingRequired, $"{owner} has no Body.", element);
            return;
        }
        page.CheckUsableArea(element);
        sections.Add(new ReportSection(body, page.Page, width));
    }

    private Body ReadBody(XElement element, PageReader page)
    {
        var items = ImmutableArray<ReportItem>.Empty;
        var height = ReportSize.Zero;
        var style = StyleDefinition.Empty;
        foreach (var child in _context.Children(element))
        {
            switch (child.Name.LocalName)
            {
                case N.ReportItems: items = _items.ReadItems(child, N.Body); break;
                case N.Height: height = _context.Size(child, N.Body); break;
                case N.Style: style = _styles.Read(child, N.Body); break;

                // RDL 2005 keeps Columns / ColumnSpacing in the Body; they are page settings.
                case N.Columns or N.ColumnSpacing: page.TryRead(child, N.Body); break;
                default: _context.Unknown(child, N.Body); break;
            }
        }
        return new Body(items, height, style);
    }
}
