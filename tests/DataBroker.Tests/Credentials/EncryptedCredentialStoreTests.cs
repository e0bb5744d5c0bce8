using System.Text;
using System.Text.Json.Nodes;
using DataBroker.Credentials;

namespace DataBroker.Tests.Credentials;

public class EncryptedCredentialStoreTests
{
    private const string Secret = "Server=db.internal;User ID=reports;Password=CANARY-ENCRYPTED-5d1e";

    private CredentialTestFolder _folder = null!;

    [SetUp]
    public void Create()
    {
        _folder = new CredentialTestFolder();
        _folder.WriteKeys("k1");
    }

    [TearDown]
    public void Delete() => _folder.Dispose();

    [Test]
    public void Set_then_open_gives_back_the_connection_string_and_names_match_case_insensitively()
    {
        _folder.Manager.Set("SalesDb", Secret);

        Assert.That(_folder.Decrypt("SalesDb"), Is.EqualTo(Secret));
        Assert.That(_folder.Decrypt("salesdb"), Is.EqualTo(Secret));
        Assert.That(_folder.Open("Other").ConnectionString, Is.Null, "nothing stored: the configured connection string is used");
        Assert.That(_folder.Open("Other").Failed, Is.False);
    }

    [Test]
    public void The_file_on_disk_holds_no_plaintext_and_the_entry_fields_are_base64()
    {
        _folder.Manager.Set("SalesDb", Secret);

        var bytes = File.ReadAllBytes(_folder.CredentialFile);
        Assert.That(Encoding.UTF8.GetString(bytes), Does.Not.Contain("CANARY").And.Not.Contain("Password").And.Not.Contain("db.internal"));
        Assert.That(Encoding.Unicode.GetString(bytes), Does.Not.Contain("CANARY"));
        var entry = JsonNode.Parse(bytes)!["entries"]!["SalesDb"]!;
        Assert.That((string?)entry["keyId"], Is.EqualTo("k1"));
        Assert.That(Convert.FromBase64String((string)entry["nonce"]!), Has.Length.EqualTo(12));
        Assert.That(Convert.FromBase64String((string)entry["tag"]!), Has.Length.EqualTo(16));
        Assert.That(ConnectionSecret.Decrypted(Secret).ToString(), Does.Not.Contain("CANARY"));
        if (!OperatingSystem.IsWindows())
            Assert.That(File.GetUnixFileMode(_folder.CredentialFile), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
    }

    [TestCase("nonce")]
    [TestCase("ciphertext")]
    [TestCase("tag")]
    public void Tampering_with_one_byte_fails_authentication_with_DAT6023(string field)
    {
        _folder.Manager.Set("SalesDb", Secret);
        var json = JsonNode.Parse(File.ReadAllText(_folder.CredentialFile))!;
        var entry = json["entries"]!["SalesDb"]!;
        var bytes = Convert.FromBase64String((string)entry[field]!);
        bytes[bytes.Length / 2] ^= 0x01;
        entry[field] = Convert.ToBase64String(bytes);
        File.WriteAllText(_folder.CredentialFile, json.ToJsonString());

        var secret = _folder.Open("SalesDb");

        Assert.That(secret.ErrorCode, Is.EqualTo("DAT6023"));
        Assert.That(secret.ErrorMessage, Does.Contain("'SalesDb'").And.Contain("'k1'").And.Not.Contain("CANARY"));
        Assert.That(secret.ConnectionString, Is.Null);
    }

    [Test]
    public void Swapping_entries_between_data_sources_fails_for_both()
    {
        _folder.Manager.Set("SalesDb", Secret);
        _folder.Manager.Set("HrDb", "Data Source=hr.db;Password=other");
        var json = JsonNode.Parse(File.ReadAllText(_folder.CredentialFile))!;
        var entries = json["entries"]!.AsObject();
        var sales = entries["SalesDb"]!.DeepClone();
        entries["SalesDb"] = entries["HrDb"]!.DeepClone();
        entries["HrDb"] = sales;
        File.WriteAllText(_folder.CredentialFile, json.ToJsonString());

        Assert.That(_folder.Open("SalesDb").ErrorCode, Is.EqualTo("DAT6023"));
        Assert.That(_folder.Open("HrDb").ErrorCode, Is.EqualTo("DAT6023"));
    }

    [Test]
    public void A_different_key_under_the_same_id_is_DAT6023_and_an_unknown_id_is_DAT6022()
    {
        _folder.Manager.Set("SalesDb", Secret);

        _folder.WriteKeys("k1");
        Assert.That(_folder.Open("SalesDb").ErrorCode, Is.EqualTo("DAT6023"), "same id, other key bytes");

        _folder.WriteKeys("k2");
        var unknown = _folder.Open("SalesDb");
        Assert.That(unknown.ErrorCode, Is.EqualTo("DAT6022"));
        Assert.That(unknown.ErrorMessage, Does.Contain("'k1'"));
    }

    [Test]
    public void Encrypted_entries_without_any_key_ring_are_DAT6020()
    {
        _folder.Manager.Set("SalesDb", Secret);
        _folder.Options.KeyRing = new KeyRingOptions { EnvironmentVariable = "RENDERER_KEYRING_UNSET_" + Guid.NewGuid().ToString("N") };

        var secret = _folder.Open("SalesDb");

        Assert.That(secret.ErrorCode, Is.EqualTo("DAT6020"));
        Assert.That(secret.ErrorMessage, Does.Contain("DataBroker:KeyRing:File"));
        Assert.That(_folder.Open("Unlisted").Failed, Is.False, "sources without an entry need no key ring");
    }

    [TestCase("not json", "not valid JSON")]
    [TestCase("""{ "entries": { "SalesDb": { "keyId": "k1", "nonce": "AAAA", "ciphertext": "AAAA", "tag": "AAAAAAAAAAAAAAAAAAAAAA==" } } }""", "nonce")]
    [TestCase("""{ "entries": { "SalesDb": { "keyId": "k1", "ciphertext": "AAAA" } } }""", "\"nonce\"")]
    [TestCase("""{ "entries": { "SalesDb": { "keyId": "k1", "nonce": "%%%", "ciphertext": "AAAA", "tag": "AAAA" } } }""", "not base64")]
    public void A_malformed_credential_file_is_DAT6024_for_every_source(string content, string expected)
    {
        File.WriteAllText(_folder.CredentialFile, content);

        foreach (var source in new[] { "SalesDb", "Other" })
        {
            var secret = _folder.Open(source);
            Assert.That(secret.ErrorCode, Is.EqualTo("DAT6024"), source);
            Assert.That(secret.ErrorMessage, Does.Contain(expected));
        }
    }

    [Test]
    public void Rotation_re_encrypts_with_the_new_key_so_the_old_key_can_be_removed()
    {
        _folder.Manager.Set("SalesDb", Secret);
        _folder.Manager.Set("HrDb", "Data Source=hr.db;Password=other");
        var before = File.ReadAllText(_folder.CredentialFile);

        var added = _folder.Manager.NewKey("k2");
        Assert.That(added.KeyFile, Is.EqualTo(_folder.KeyFile));
        var removeTooEarly = Assert.Throws<CredentialException>(() => _folder.Manager.RemoveKey("k1"));
        Assert.That(removeTooEarly!.Message, Does.Contain("rotate"));

        Assert.That(_folder.Manager.Rotate(), Is.EqualTo(2));
        _folder.Manager.RemoveKey("k1");

        Assert.That(File.ReadAllText(_folder.KeyFile), Does.Not.Contain("k1:"));
        Assert.That(_folder.Manager.List().Select(e => e.KeyId), Is.All.EqualTo("k2"));
        Assert.That(File.ReadAllText(_folder.CredentialFile), Is.Not.EqualTo(before));
        Assert.That(_folder.Decrypt("SalesDb"), Is.EqualTo(Secret));
        Assert.That(_folder.Decrypt("HrDb"), Is.EqualTo("Data Source=hr.db;Password=other"));
    }

    [Test]
    public void The_active_key_cannot_be_removed()
    {
        var error = Assert.Throws<CredentialException>(() => _folder.Manager.RemoveKey("k1"));

        Assert.That(error!.Code, Is.EqualTo("DAT6025"));
    }

    [Test]
    public void A_ring_from_the_environment_variable_decrypts_and_new_key_returns_the_ring_text()
    {
        var variable = "RENDERER_KEYRING_TEST_" + Guid.NewGuid().ToString("N");
        _folder.Options.KeyRing = new KeyRingOptions { EnvironmentVariable = variable };
        Environment.SetEnvironmentVariable(variable, CredentialTestFolder.RingText("env1"));
        try
        {
            _folder.Manager.Set("SalesDb", Secret);
            Assert.That(_folder.Decrypt("SalesDb"), Is.EqualTo(Secret));

            var change = _folder.Manager.NewKey("env2");
            Assert.That(change.KeyFile, Is.Null);
            Assert.That(change.RingText, Does.Contain("env1:").And.Contain("env2:").And.Contain("active=env2"));
            Environment.SetEnvironmentVariable(variable, change.RingText);
            _folder.Manager.Rotate();
            Assert.That(_folder.Manager.List().Single().KeyId, Is.EqualTo("env2"));
            Assert.That(_folder.Decrypt("SalesDb"), Is.EqualTo(Secret));
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Test]
    public void Placeholders_are_replaced_after_decryption()
    {
        _folder.Options.Placeholders["DataFolder"] = "/srv/data";
        _folder.Manager.Set("SalesDb", "Data Source={DataFolder}/sales.db");

        Assert.That(_folder.Decrypt("SalesDb"), Is.EqualTo("Data Source=/srv/data/sales.db"));
        Assert.That(File.ReadAllText(_folder.CredentialFile), Does.Not.Contain("/srv/data"));
    }
}
