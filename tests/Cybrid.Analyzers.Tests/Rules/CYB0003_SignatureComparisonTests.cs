using System.Threading.Tasks;
using Cybrid.Analyzers.Tests.Stubs;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = Cybrid.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    Cybrid.Analyzers.Rules.SignatureComparisonAnalyzer,
    Cybrid.Analyzers.CodeFixes.Rules.SignatureComparisonCodeFix>;

namespace Cybrid.Analyzers.Tests.Rules
{
    public class CYB0003_SignatureComparisonTests
    {
        [Fact]
        public async Task Probe()
        {
            const string source = @"
using System;
using Microsoft.AspNetCore.Http;

class C
{
    bool M(HttpRequest request, byte[] key, byte[] body)
    {
        var expected = Convert.ToHexString(System.Security.Cryptography.HMACSHA256.HashData(key, body)).ToLowerInvariant();
        return {|CYB0003:request.Headers[""X-Cybrid-Signature""] == expected|};
    }
}";
            const string fixedSource = @"
using System;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

class C
{
    bool M(HttpRequest request, byte[] key, byte[] body)
    {
        var expected = Convert.ToHexString(System.Security.Cryptography.HMACSHA256.HashData(key, body)).ToLowerInvariant();
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(request.Headers[""X-Cybrid-Signature""].ToString()), Encoding.UTF8.GetBytes(expected));
    }
}";
            await new Verify.Test { TestCode = source, FixedCode = fixedSource }.WithSources(CYB0003AspNetCoreStubs.Source).RunAsync();
        }
    }
}
