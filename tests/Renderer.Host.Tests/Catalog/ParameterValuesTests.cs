using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Renderer.Host.Tests.Catalog;

/// <summary>
/// <c>Reports({id})/ParameterDefinitions</c>: dataset-based default and valid values run through the broker on request
/// against the sample SQLite data, dependent parameters take earlier values from the query string, the acting user
/// reaches a query as in a render, and the broker's limits and errors give ProblemDetails with the DAT code.
/// </summary>
[NonParallelizable]
public sealed class ParameterValuesTests
{
    private CatalogServerSession _session = null!;
    private HttpClient _client = null!;

    [OneTimeSetUp]
    public void Start()
    {
        _session = new CatalogServerSession("params");
        _client = _session.Client;
    }

    [OneTimeTearDown]
    public void Stop() => _session.Dispose();

    private static string Report(string dataSets, string parameters) => $$"""
        <Report xmlns="http://schemas.microsoft.com/sqlserver/reporting/2016/01/reportdefinition">
          <DataSources><DataSource Name="SalesDb"><DataSourceReference>SalesDb</DataSourceReference></DataSource></DataSources>
          <DataSets>{{dataSets}}</DataSets>
          <ReportParameters>{{parameters}}</ReportParameters>
          <ReportSections><ReportSection>
            <Body><Height>1in</Height><ReportItems>
              <Textbox Name="T"><Value>=Parameters!Year.Value</Value><Top>0in</Top><Left>0in</Left><Height>0.3in</Height><Width>4in</Width></Textbox>
            </ReportItems></Body>
            <Width>5in</Width><Page><PageHeight>11in</PageHeight><PageWidth>8.5in</PageWidth></Page>
          </ReportSection></ReportSections>
        </Report>
        """;

    private static string DataSet(string name, string query, string fields, string queryParameters = "") => $"""
        <DataSet Name="{name}"><Query><DataSourceName>SalesDb</DataSourceName>
          <QueryParameters>{queryParameters}</QueryParameters><CommandText>{query}</CommandText></Query>
          <Fields>{fields}</Fields></DataSet>
        """;

    private const string YearAndRegion = """
        <ReportParameter Name="Year"><DataType>Integer</DataType>
          <DefaultValue><Values><Value>2024</Value></Values></DefaultValue>
          <ValidValues><DataSetReference><DataSetName>Years</DataSetName><ValueField>Year</ValueField></DataSetReference></ValidValues>
          <Prompt>Year</Prompt></ReportParameter>
        <ReportParameter Name="Region"><DataType>String</DataType>
          <DefaultValue><DataSetReference><DataSetName>RegionsOfYear</DataSetName><ValueField>Region</ValueField></DataSetReference></DefaultValue>
          <ValidValues><DataSetReference><DataSetName>RegionsOfYear</DataSetName><ValueField>Region</ValueField><LabelField>Label</LabelField></DataSetReference></ValidValues>
          <Prompt>Region</Prompt></ReportParameter>
        """;

    private static readonly string YearAndRegionDataSets =
        DataSet("Years", "SELECT DISTINCT Year FROM sales ORDER BY Year DESC", """<Field Name="Year"><DataField>Year</DataField></Field>""")
        + DataSet("RegionsOfYear", "SELECT DISTINCT Region, 'Region ' || Region AS Label FROM sales WHERE Year = @Year ORDER BY Region",
            """<Field Name="Region"><DataField>Region</DataField></Field><Field Name="Label"><DataField>Label</DataField></Field>""",
            """<QueryParameter Name="@Year"><Value>=Parameters!Year.Value</Value></QueryParameter>""");

    private List<string> Query(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_session.DataFolder, "sample.db")};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read()) values.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        return values;
    }

    private async Task<string> Publish(string name, string rdl)
    {
        var created = await _client.PostAsync($"/api/v2.0/Reports?path=/{name}", new StringContent(rdl, Encoding.UTF8, "application/xml"));
        var body = await created.Content.ReadAsStringAsync();
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), body);
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> Definitions(string id, string query = "")
    {
        var response = await _client.GetAsync($"/api/v2.0/Reports({id})/ParameterDefinitions{query}");
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement);
    }

    private static JsonElement Parameter(JsonElement body, string name) =>
        body.GetProperty("value").EnumerateArray().Single(p => p.GetProperty("name").GetString() == name);

    private static List<string> Values(JsonElement list, string property = "value") =>
        [.. list.EnumerateArray().Select(v => (property.Length == 0 ? v : v.GetProperty(property)).ToString())];

    [Test]
    public async Task Query_based_valid_values_and_defaults_come_from_the_sample_data_and_follow_an_earlier_parameter()
    {
        var id = await Publish("RegionsByYear", Report(YearAndRegionDataSets, YearAndRegion));

        var (status, body) = await Definitions(id);
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body.ToString());
        var year = Parameter(body, "Year");
        Assert.That(Values(year.GetProperty("validValues")), Is.EqualTo(Query("SELECT DISTINCT Year FROM sales ORDER BY Year DESC")));
        Assert.That(Values(year.GetProperty("defaultValues"), ""), Is.EqualTo(new[] { "2024" }));
        var region = Parameter(body, "Region");
        Assert.That(region.GetProperty("state").GetString(), Is.EqualTo("HasValidValue"));
        Assert.That(Values(region.GetProperty("dependencies"), ""), Is.EqualTo(new[] { "Year" }));
        var regions2024 = Query("SELECT DISTINCT Region FROM sales WHERE Year = 2024 ORDER BY Region");
        Assert.That(Values(region.GetProperty("validValues")), Is.EqualTo(regions2024));
        Assert.That(Values(region.GetProperty("validValues"), "label"), Is.EqualTo(regions2024.Select(r => "Region " + r)));
        Assert.That(Values(region.GetProperty("defaultValues"), ""), Is.EqualTo(regions2024.Take(1)), "a single-value default takes the first row");

        var (status2023, body2023) = await Definitions(id, "?Year=2023");
        Assert.That(status2023, Is.EqualTo(HttpStatusCode.OK), body2023.ToString());
        Assert.That(Values(Parameter(body2023, "Region").GetProperty("validValues")),
            Is.EqualTo(Query("SELECT DISTINCT Region FROM sales WHERE Year = 2023 ORDER BY Region")));
    }

    [Test]
    public async Task A_parameter_waits_for_an_earlier_one_without_a_value()
    {
        var id = await Publish("NoYearDefault", Report(YearAndRegionDataSets, YearAndRegion.Replace("<DefaultValue><Values><Value>2024</Value></Values></DefaultValue>", "", StringComparison.Ordinal)));

        var (status, body) = await Definitions(id);

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body.ToString());
        var region = Parameter(body, "Region");
        Assert.That(region.GetProperty("state").GetString(), Is.EqualTo("HasOutstandingDependencies"));
        Assert.That(region.GetProperty("validValues").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(Values(Parameter(body, "Year").GetProperty("validValues")), Has.Count.GreaterThan(0));
    }

    [Test]
    public async Task The_RegionFilter_sample_lists_its_regions_and_says_its_calculated_labels_need_a_render()
    {
        var sample = JsonDocument.Parse(await _client.GetStringAsync("/api/v2.0/CatalogItems/ByPath?path=/Samples/RegionFilter")).RootElement;

        var (status, body) = await Definitions(sample.GetProperty("id").GetString()!);

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body.ToString());
        var regions = Parameter(body, "Regions");
        var expected = Query("SELECT DISTINCT Region FROM sales ORDER BY Region");
        Assert.That(Values(regions.GetProperty("validValues")), Is.EqualTo(expected));
        Assert.That(Values(regions.GetProperty("defaultValues"), ""), Is.EqualTo(expected), "a multi-value default takes every row");
        Assert.That(body.GetProperty("diagnostics").ToString(), Does.Contain("PRM8011").And.Contain("RegionLabel"));
    }

    [Test]
    public async Task The_acting_user_reaches_a_query_as_in_a_render()
    {
        var id = await Publish("ForUser", Report(
            DataSet("Mine", "SELECT @User AS Who", """<Field Name="Who"><DataField>Who</DataField></Field>""", """<QueryParameter Name="@User"><Value>=User!UserID</Value></QueryParameter>"""),
            """<ReportParameter Name="Year"><DataType>String</DataType><ValidValues><DataSetReference><DataSetName>Mine</DataSetName><ValueField>Who</ValueField></DataSetReference></ValidValues></ReportParameter>"""));

        var (status, body) = await Definitions(id);

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body.ToString());
        Assert.That(Values(Parameter(body, "Year").GetProperty("validValues")), Is.EqualTo(new[] { "admin" }), "the signed-in caller, the sample administrator");
    }

    [Test]
    public async Task A_failing_query_is_a_problem_with_the_broker_code()
    {
        var id = await Publish("BrokenValues", Report(
            DataSet("Broken", "SELECT Year FROM no_such_table", """<Field Name="Year"><DataField>Year</DataField></Field>"""),
            """<ReportParameter Name="Year"><DataType>Integer</DataType><ValidValues><DataSetReference><DataSetName>Broken</DataSetName><ValueField>Year</ValueField></DataSetReference></ValidValues></ReportParameter>"""));

        var response = await _client.GetAsync($"/api/v2.0/Reports({id})/ParameterDefinitions");
        var problem = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo((HttpStatusCode)422), problem);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(problem, Does.Contain("DAT6003").And.Contain("no_such_table"));
    }

    private const string ExpressionDefaults = """
        <ReportParameter Name="Start"><DataType>DateTime</DataType>
          <DefaultValue><Values><Value>=Today()</Value></Values></DefaultValue><Prompt>From</Prompt></ReportParameter>
        <ReportParameter Name="End"><DataType>DateTime</DataType>
          <DefaultValue><Values><Value>=DateAdd("d", 7, Parameters!Start.Value)</Value></Values></DefaultValue><Prompt>To</Prompt></ReportParameter>
        <ReportParameter Name="Year"><DataType>Integer</DataType>
          <DefaultValue><Values><Value>=Year(Today()) - 1</Value></Values></DefaultValue>
          <ValidValues><ParameterValues>
            <ParameterValue><Value>=Year(Today()) - 1</Value><Label>Last year</Label></ParameterValue>
            <ParameterValue><Value>=Year(Today())</Value><Label>This year</Label></ParameterValue>
          </ParameterValues></ValidValues></ReportParameter>
        <ReportParameter Name="Region"><DataType>String</DataType>
          <DefaultValue><Values><Value>=UCase("emea")</Value></Values></DefaultValue></ReportParameter>
        """;

    [Test]
    public async Task Expression_defaults_of_the_usual_forms_are_evaluated_and_report_code_is_left_to_the_render()
    {
        var id = await Publish("ExpressionDefaults", Report("", ExpressionDefaults));
        var today = DateTime.Today;

        var (status, body) = await Definitions(id);

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body.ToString());
        var start = Parameter(body, "Start");
        Assert.That(start.GetProperty("state").GetString(), Is.EqualTo("HasValidValue"));
        Assert.That(start.GetProperty("defaultValues")[0].GetDateTime(), Is.EqualTo(today), "=Today()");
        var end = Parameter(body, "End");
        Assert.That(Values(end.GetProperty("dependencies"), ""), Is.EqualTo(new[] { "Start" }));
        Assert.That(end.GetProperty("defaultValues")[0].GetDateTime(), Is.EqualTo(today.AddDays(7)), "=DateAdd(\"d\", 7, Parameters!Start.Value)");
        var year = Parameter(body, "Year");
        Assert.That(Values(year.GetProperty("defaultValues"), ""), Is.EqualTo(new[] { (today.Year - 1).ToString(System.Globalization.CultureInfo.InvariantCulture) }));
        Assert.That(Values(year.GetProperty("validValues")), Is.EqualTo(new[] { today.Year - 1, today.Year }.Select(y => y.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        Assert.That(Values(year.GetProperty("validValues"), "label"), Is.EqualTo(new[] { "Last year", "This year" }));
        var region = Parameter(body, "Region");
        Assert.That(region.GetProperty("state").GetString(), Is.EqualTo("DynamicValuesUnavailable"));
        Assert.That(region.GetProperty("defaultValues").ValueKind, Is.EqualTo(JsonValueKind.Null));
        var warning = body.GetProperty("diagnostics").EnumerateArray().Single();
        Assert.That(warning.GetProperty("code").GetString(), Is.EqualTo("PRM8011"));
        Assert.That(warning.GetProperty("expression").GetString(), Is.EqualTo("=UCase(\"emea\")"));
        Assert.That(warning.GetProperty("message").GetString(), Does.Contain("default value").And.Contain("'Region'"));

        var (givenStatus, given) = await Definitions(id, "?Start=2024-02-26");
        Assert.That(givenStatus, Is.EqualTo(HttpStatusCode.OK), given.ToString());
        Assert.That(Parameter(given, "End").GetProperty("defaultValues")[0].GetDateTime(), Is.EqualTo(new DateTime(2024, 3, 4)), "a dependent default follows the value given");
    }

    [Test]
    public async Task A_bad_value_for_an_earlier_parameter_is_a_400_naming_it()
    {
        var id = await Publish("BadYear", Report(YearAndRegionDataSets, YearAndRegion));

        var response = await _client.GetAsync($"/api/v2.0/Reports({id})/ParameterDefinitions?Year=soon");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("PRM8003").And.Contain("Year"));
    }
}

/// <summary>The broker's data limits apply to parameter values as to renders.</summary>
[NonParallelizable]
public sealed class ParameterValueLimitTests
{
    [Test]
    public async Task A_value_past_the_limit_is_a_problem_with_DAT6012()
    {
        using var session = new CatalogServerSession("param-limits", new Dictionary<string, string> { ["DataBroker:MaxValueBytes"] = "8" });
        var rdl = """
            <Report xmlns="http://schemas.microsoft.com/sqlserver/reporting/2016/01/reportdefinition">
              <DataSources><DataSource Name="SalesDb"><DataSourceReference>SalesDb</DataSourceReference></DataSource></DataSources>
              <DataSets><DataSet Name="Long"><Query><DataSourceName>SalesDb</DataSourceName><CommandText>SELECT 'a value much longer than eight bytes' AS V</CommandText></Query>
                <Fields><Field Name="V"><DataField>V</DataField></Field></Fields></DataSet></DataSets>
              <ReportParameters><ReportParameter Name="P"><DataType>String</DataType>
                <ValidValues><DataSetReference><DataSetName>Long</DataSetName><ValueField>V</ValueField></DataSetReference></ValidValues></ReportParameter></ReportParameters>
              <ReportSections><ReportSection><Body><Height>1in</Height><ReportItems>
                <Textbox Name="T"><Value>=Parameters!P.Value</Value><Top>0in</Top><Left>0in</Left><Height>0.3in</Height><Width>4in</Width></Textbox>
              </ReportItems></Body><Width>5in</Width><Page><PageHeight>11in</PageHeight><PageWidth>8.5in</PageWidth></Page></ReportSection></ReportSections>
            </Report>
            """;
        var created = await session.Client.PostAsync("/api/v2.0/Reports?path=/Long", new StringContent(rdl, Encoding.UTF8, "application/xml"));
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), await created.Content.ReadAsStringAsync());
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString();

        var response = await session.Client.GetAsync($"/api/v2.0/Reports({id})/ParameterDefinitions");
        var problem = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo((HttpStatusCode)422), problem);
        Assert.That(problem, Does.Contain("DAT6012"));
    }
}
