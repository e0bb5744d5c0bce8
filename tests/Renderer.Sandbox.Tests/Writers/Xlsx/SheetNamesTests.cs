using Renderer.Sandbox.Writers.Xlsx;

namespace Renderer.Sandbox.Tests.Writers.Xlsx;

public class SheetNamesTests
{
    [TestCase("Sales", "Sales")]
    [TestCase("a/b\\c[d]e:f*g?h", "a_b_c_d_e_f_g_h")]
    [TestCase("'quoted'", "quoted")]
    [TestCase("", "Sheet1")]
    [TestCase(null, "Sheet1")]
    [TestCase("   ", "Sheet1")]
    [TestCase("History", "History_")]
    [TestCase("A name that is far longer than thirty-one characters", "A name that is far longer than")]
    public void Sanitize_makes_valid_names(string? title, string expected)
    {
        Assert.That(SheetNames.Sanitize(title), Is.EqualTo(expected));
    }

    [Test]
    public void Names_are_unique_ignoring_case_and_stay_within_31_characters()
    {
        var names = new SheetNames();
        var longName = new string('x', 40);

        var results = new[] { names.GetUniqueName("Data"), names.GetUniqueName("DATA"), names.GetUniqueName("data"), names.GetUniqueName(longName), names.GetUniqueName(longName) };

        Assert.That(results[..3], Is.EqualTo(new[] { "Data", "DATA (2)", "data (3)" }));
        Assert.That(results[3], Has.Length.EqualTo(31));
        Assert.That(results[4], Is.EqualTo(new string('x', 27) + " (2)"));
    }
}
