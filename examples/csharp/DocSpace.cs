// Sign in to a DocSpace portal, use the token, sign out; make an API key and use it
// (.NET 8, or Mono; no NuGet packages).
//   dotnet run -- sign-in                        prints a token, or what the second factor needs
//   dotnet run -- confirm <code>                 finishes a sign-in with the code from the app or the SMS
//   dotnet run -- self                           prints who DOCSPACE_TOKEN belongs to
//   dotnet run -- sign-out                       ends the session of DOCSPACE_TOKEN
//   dotnet run -- create-key <name> <scope>...   makes an API key with DOCSPACE_TOKEN and prints it, once
//   dotnet run -- self-with-key                  prints who DOCSPACE_API_KEY belongs to
// Reads DOCSPACE_PORTAL, DOCSPACE_USER and DOCSPACE_PASSWORD, DOCSPACE_TOKEN for self, sign-out and
// create-key, and DOCSPACE_API_KEY for self-with-key.
// Written in C# 7 so that Mono's mcs compiles it too: no top-level statements, no async Main.
using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Runtime.Serialization;
using System.Runtime.Serialization.Json;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;

static class DocSpace
{
    // Environment.Exit rather than returning: after a timeout, Mono can hold the process open for
    // another minute while the abandoned connection winds down.
    static void Main(string[] args) => Environment.Exit(RunAsync(args).GetAwaiter().GetResult());

    static async Task<int> RunAsync(string[] args)
    {
        try
        {
            var step = args.Length > 0 ? args[0] : "";
            switch (step)
            {
                case "sign-in":
                    PrintSignIn(await CallAsync<SignInResult>(SignInRequest("/api/2.0/authentication", new Credentials())));
                    return 0;
                case "confirm":
                    var code = args.Length > 1 ? args[1] : "";
                    if (!Regex.IsMatch(code, @"^[0-9]+\z"))
                        throw new Failure("give the code from the app or the SMS, digits only: confirm 123456");
                    var withCode = new CredentialsWithCode { Code = code };
                    PrintSignIn(await CallAsync<SignInResult>(SignInRequest("/api/2.0/authentication/" + code, withCode)));
                    return 0;
                case "self":
                    PrintProfile(await CallAsync<Profile>(AuthorizedRequest(HttpMethod.Get, "/api/2.0/people/@self", Env("DOCSPACE_TOKEN"))));
                    return 0;
                case "sign-out":
                    await CallAsync<Profile>(AuthorizedRequest(HttpMethod.Post, "/api/2.0/authentication/logout", Env("DOCSPACE_TOKEN")));
                    Console.WriteLine("signed out");
                    return 0;
                case "create-key":
                    if (args.Length < 3 || args[1] == "")
                        throw new Failure("give the key a name and its scopes: create-key nightly-export accounts:read");
                    var keyRequest = AuthorizedRequest(HttpMethod.Post, "/api/2.0/keys", Env("DOCSPACE_TOKEN"));
                    var newKey = new NewKey { Name = args[1], Permissions = args.Skip(2).ToArray() };
                    keyRequest.Content = new StringContent(Json.Write(newKey), Encoding.UTF8, "application/json");
                    // Sent once: a create that timed out may still have made a key, so it is never retried.
                    var created = await CallAsync<CreatedKey>(keyRequest);
                    if (string.IsNullOrEmpty(created.Key)) throw new Failure("the answer contains no key");
                    Console.WriteLine($"key: {created.Key}");
                    Console.WriteLine("the portal shows this key only once: keep it in DOCSPACE_API_KEY or a secret store now");
                    return 0;
                case "self-with-key":
                    PrintProfile(await CallAsync<Profile>(AuthorizedRequest(HttpMethod.Get, "/api/2.0/people/@self", "Bearer " + Env("DOCSPACE_API_KEY"))));
                    return 0;
                default:
                    throw new Failure("say which step to run: sign-in, confirm <code>, self, sign-out, create-key <name> <scope>... or self-with-key");
            }
        }
        catch (Failure failure)
        {
            Console.Error.WriteLine("error: " + failure.Message);
            return 1;
        }
    }

    // A sign-in's answer: the token, or what the portal wants first.
    static void PrintSignIn(SignInResult result)
    {
        if (!string.IsNullOrEmpty(result.Token))
        {
            Console.WriteLine($"token: {result.Token}");
            Console.WriteLine($"expires: {result.Expires}");
        }
        else if (result.Tfa && !string.IsNullOrEmpty(result.TfaKey))
            Console.WriteLine($"second factor not set up: add the key {result.TfaKey} to your authenticator app (or open {result.ConfirmUrl}), then run confirm <code>");
        else if (result.Tfa)
            Console.WriteLine("second factor required: run confirm <code> with the code your authenticator app shows");
        else if (result.Sms && !string.IsNullOrEmpty(result.PhoneNoise))
            Console.WriteLine($"second factor required: run confirm <code> with the code sent by SMS to {result.PhoneNoise}");
        else if (result.Sms)
            Console.WriteLine($"second factor not set up: open {result.ConfirmUrl} in a browser to confirm your phone number, then sign in again");
        else
            throw new Failure("the answer contains no token");
    }

    static void PrintProfile(Profile profile)
    {
        Console.WriteLine($"displayName: {profile.DisplayName}");
        Console.WriteLine($"email: {profile.Email}");
    }

    static HttpRequestMessage Request(HttpMethod method, string path)
    {
        try
        {
            var request = new HttpRequestMessage(method, Env("DOCSPACE_PORTAL").TrimEnd('/') + path);
            request.Headers.Accept.ParseAdd("application/json");
            return request;
        }
        catch (UriFormatException e)
        {
            throw new Failure("cannot reach the portal: " + e.Message);
        }
    }

    static HttpRequestMessage SignInRequest<TBody>(string path, TBody credentials)
    {
        var request = Request(HttpMethod.Post, path);
        request.Content = new StringContent(Json.Write(credentials), Encoding.UTF8, "application/json");
        return request;
    }

    static HttpRequestMessage AuthorizedRequest(HttpMethod method, string path, string authorization)
    {
        var request = Request(method, path);
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        return request;
    }

    // Sends one call and returns the answer's "response"; a failure throws with the line to print.
    static async Task<T> CallAsync<T>(HttpRequestMessage request) where T : class, new()
    {
        using (var client = new HttpClient { Timeout = TimeSpan.FromSeconds(30) })
        using (request)
        {
            HttpResponseMessage response;
            string text;
            try
            {
                response = await client.SendAsync(request);
                text = await response.Content.ReadAsStringAsync();
            }
            catch (OperationCanceledException) // what HttpClient throws when Timeout passes
            {
                throw new Failure("the portal did not answer within 30 s");
            }
            catch (HttpRequestException e)
            {
                throw new Failure("cannot reach the portal: " + (e.InnerException ?? e).Message);
            }
            catch (InvalidOperationException e) // not an absolute http(s) address
            {
                throw new Failure("cannot reach the portal: " + e.Message);
            }
            // A 401 may come with an empty body, and error pages may not be JSON: then it is empty.
            var answer = Json.Read<Envelope<T>>(text);
            if (!response.IsSuccessStatusCode)
                throw new Failure($"HTTP {(int)response.StatusCode}: {(string.IsNullOrEmpty(answer.Error?.Message) ? "(no error message)" : answer.Error.Message)}");
            return answer.Response ?? new T();
        }
    }

    public static string Env(string name)
    {
        var value = Environment.GetEnvironmentVariable(name);
        if (string.IsNullOrEmpty(value)) throw new Failure(name + " is not set");
        return value;
    }
}

// A step that cannot go on: the message is the line to print.
class Failure : Exception
{
    public Failure(string message) : base(message) { }
}

// What a sign-in sends: the user name and the password, from the environment.
[DataContract]
class Credentials
{
    [DataMember(Name = "userName")] public string UserName { get; set; } = DocSpace.Env("DOCSPACE_USER");
    [DataMember(Name = "password")] public string Password { get; set; } = DocSpace.Env("DOCSPACE_PASSWORD");
}

// The second-factor step sends the code in the body too.
[DataContract]
class CredentialsWithCode : Credentials
{
    [DataMember(Name = "code")] public string Code { get; set; } = "";
}

// How the portal wraps every answer: the payload in "response", or an "error". The serializer
// runs no constructor, so either may be null however they are declared.
[DataContract]
class Envelope<T> where T : class, new()
{
    [DataMember(Name = "response")] public T Response { get; set; } = new T();
    [DataMember(Name = "error")] public PortalError Error { get; set; } = new PortalError();
}

[DataContract]
class PortalError
{
    [DataMember(Name = "message")] public string Message { get; set; } = "";
}

[DataContract]
class SignInResult
{
    [DataMember(Name = "token")] public string Token { get; set; } = "";
    [DataMember(Name = "expires")] public string Expires { get; set; } = "";
    [DataMember(Name = "tfa")] public bool Tfa { get; set; }
    [DataMember(Name = "tfaKey")] public string TfaKey { get; set; } = "";
    [DataMember(Name = "sms")] public bool Sms { get; set; }
    [DataMember(Name = "phoneNoise")] public string PhoneNoise { get; set; } = "";
    [DataMember(Name = "confirmUrl")] public string ConfirmUrl { get; set; } = "";
}

// What create-key sends, and the part of the answer it prints.
[DataContract]
class NewKey
{
    [DataMember(Name = "name")] public string Name { get; set; } = "";
    [DataMember(Name = "permissions")] public string[] Permissions { get; set; } = new string[0];
}

[DataContract]
class CreatedKey
{
    [DataMember(Name = "key")] public string Key { get; set; } = "";
}

[DataContract]
class Profile
{
    [DataMember(Name = "displayName")] public string DisplayName { get; set; } = "";
    [DataMember(Name = "email")] public string Email { get; set; } = "";
}

// DataContractJsonSerializer ships with both .NET and Mono; on .NET alone, System.Text.Json's
// JsonSerializer does the same with less ceremony.
static class Json
{
    public static string Write<T>(T value)
    {
        using (var stream = new MemoryStream())
        {
            new DataContractJsonSerializer(typeof(T)).WriteObject(stream, value);
            return Encoding.UTF8.GetString(stream.ToArray());
        }
    }

    public static T Read<T>(string json) where T : class, new()
    {
        try
        {
            using (var stream = new MemoryStream(Encoding.UTF8.GetBytes(json)))
                return new DataContractJsonSerializer(typeof(T)).ReadObject(stream) as T ?? new T();
        }
        catch (SerializationException)
        {
            return new T(); // not JSON
        }
    }
}
