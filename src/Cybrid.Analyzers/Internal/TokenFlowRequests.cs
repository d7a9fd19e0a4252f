using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Cybrid.Analyzers.Internal
{
    /// <summary>What a request does, as far as CYB0002 is concerned.</summary>
    internal enum RequestRole
    {
        /// <summary>Not a request CYB0002 knows.</summary>
        None,

        /// <summary>An operation of the Cybrid Bank API (<see cref="RequestFacts.Operation"/>).</summary>
        BankOperation,

        /// <summary>An OAuth client-credentials grant (<c>POST …/oauth/token</c>): its response holds a bank or organization token.</summary>
        ClientCredentials,

        /// <summary><c>POST …/api/customer_tokens</c>: its response holds a customer token.</summary>
        CustomerToken,
    }

    /// <summary>One classified request (an invocation of <c>HttpClient</c>, a generated Cybrid client, or a token API).</summary>
    internal sealed class RequestFacts
    {
        public static readonly RequestFacts NotARequest = new RequestFacts(null!, RequestRole.None);

        public RequestFacts(IInvocationOperation call, RequestRole role)
        {
            Call = call;
            Role = role;
        }

        public IInvocationOperation Call { get; }

        public RequestRole Role { get; }

        public BankOperation? Operation { get; set; }

        /// <summary>The kind of token the response of a token request carries.</summary>
        public TokenKind IssuedKind { get; set; }

        /// <summary>A call on a generated client (<c>QuotesBankApi</c>), authorized through its <c>Configuration</c>.</summary>
        public bool IsGeneratedClient { get; set; }

        /// <summary>The client the request goes through (the <c>HttpClient</c> or the generated API instance).</summary>
        public IOperation? Client { get; set; }

        /// <summary>The <c>HttpRequestMessage</c> given to <c>SendAsync</c>.</summary>
        public IOperation? Message { get; set; }

        /// <summary>True when the request provably acts for one customer.</summary>
        public bool ActsForOneCustomer { get; set; }

        /// <summary>The expression naming that customer (null when it is a constant).</summary>
        public IOperation? CustomerGuid { get; set; }
    }

    /// <summary>The value of one member of a request body.</summary>
    internal readonly struct BodyMember
    {
        public BodyMember(bool found, bool isNull, IOperation? expression, string? text)
        {
            Found = found;
            IsNull = isNull;
            Expression = expression;
            Text = text;
        }

        public bool Found { get; }

        /// <summary>Found, but null, <c>default</c> or empty on some write.</summary>
        public bool IsNull { get; }

        /// <summary>The expression of the value (when it is not constant text).</summary>
        public IOperation? Expression { get; }

        /// <summary>The constant value, when known.</summary>
        public string? Text { get; }

        public bool HasValue => Found && !IsNull;
    }

    /// <summary>
    /// CYB0002's request side for one type: classifies invocations as Bank API operations (by URL or generated
    /// client), token grants or customer-token mints, and reads bodies, paths and query strings for the customer.
    /// </summary>
    internal sealed partial class TokenFlowSession
    {
        private const int MaxOriginDepth = 10;
        private readonly Dictionary<IInvocationOperation, RequestFacts> _requests = new Dictionary<IInvocationOperation, RequestFacts>();

        /// <summary>Classifies <paramref name="call"/> (memoized).</summary>
        public RequestFacts Request(IInvocationOperation call)
        {
            if (_requests.TryGetValue(call, out var facts))
            {
                return facts;
            }

            _requests[call] = RequestFacts.NotARequest; // re-entrant lookups (a trade's quote) see "not a request" instead of looping
            facts = ClassifyRequest(call);
            _requests[call] = facts;
            return facts;
        }

        private RequestFacts ClassifyRequest(IInvocationOperation call)
        {
            var method = call.TargetMethod;
            if (IsHttpClientCall(method))
            {
                return ClassifyHttpCall(call);
            }

            if (method.Name == "RequestClientCredentialsTokenAsync")
            {
                // IdentityModel: the ClientCredentialsTokenRequest's Scope decides between bank and organization
                var issued = TokenKind.Bank;
                foreach (var argument in call.Arguments)
                {
                    if (argument.Parameter?.Type.Name == "ClientCredentialsTokenRequest" && FindObjectMember(argument.Value, "scope", 0).Text is string scope && HasOrganizationScope(scope))
                    {
                        issued = TokenKind.Organization;
                    }
                }

                return new RequestFacts(call, RequestRole.ClientCredentials) { IssuedKind = issued };
            }

            var receiverType = call.Instance?.Type as INamedTypeSymbol ?? method.ContainingType;
            if (receiverType == null || method.IsStatic)
            {
                return RequestFacts.NotARequest;
            }

            if (IsCustomerTokensApi(receiverType) && BankOperations.StripSuffixes(method.Name) == "CreateCustomerToken")
            {
                return new RequestFacts(call, RequestRole.CustomerToken) { IssuedKind = TokenKind.Customer };
            }

            var operation = GeneratedOperation(call, receiverType, method);
            if (operation == null)
            {
                return RequestFacts.NotARequest;
            }

            var facts = new RequestFacts(call, RequestRole.BankOperation)
            {
                Operation = operation,
                IsGeneratedClient = true,
                Client = call.Instance,
            };
            FindGeneratedCustomer(facts);
            return facts;
        }

        /// <summary>A method of <c>HttpClient</c> (or a subclass), <c>HttpMessageInvoker.SendAsync</c>, or a <c>System.Net.Http.Json</c> extension.</summary>
        public static bool IsHttpClientCall(IMethodSymbol method)
        {
            var type = method.ContainingType;
            if (type == null)
            {
                return false;
            }

            if (method.IsStatic)
            {
                return method.IsExtensionMethod && type.Name == "HttpClientJsonExtensions" && TokenFlowFacts.NamespaceIs(type.ContainingNamespace, "System.Net.Http.Json");
            }

            return TokenFlowFacts.DerivesFrom(type, "HttpClient", "System.Net.Http")
                   || (type.Name == "HttpMessageInvoker" && TokenFlowFacts.NamespaceIs(type.ContainingNamespace, "System.Net.Http"));
        }

        /// <summary>
        /// True when <paramref name="method"/> may be an HTTP call that <see cref="ClassifyHttpCall"/> can make a Bank API
        /// operation: an <see cref="IsHttpClientCall"/> whose name starts with <c>Send</c> or an HTTP verb (any other
        /// name has no verb and is not a request). The name is tested first: most invocations stop there.
        /// </summary>
        public static bool MayBeHttpOperation(IMethodSymbol method)
        {
            var name = method.Name;
            switch (name.Length == 0 ? '\0' : name[0])
            {
                case 'S':
                    return name.StartsWith("Send", StringComparison.Ordinal) && IsHttpClientCall(method);
                case 'G':
                case 'P':
                case 'D':
                    return VerbOf(name) != null && IsHttpClientCall(method);
                default:
                    return false; // no verb: Send, Get, Post, Put, Patch and Delete are the only names ClassifyHttpCall accepts
            }
        }

        private static bool IsCustomerTokensApi(INamedTypeSymbol type)
        {
            var name = BaseApiName(type.Name);
            return name == "CustomerTokensIdpApi" || name == "CustomerTokensApi";
        }

        /// <summary><c>IQuotesBankApiAsync</c> → <c>QuotesBankApi</c>.</summary>
        private static string BaseApiName(string name)
        {
            if (name.Length > 1 && name[0] == 'I' && char.IsUpper(name[1]))
            {
                name = name.Substring(1);
            }

            if (name.EndsWith("Async", StringComparison.Ordinal))
            {
                name = name.Substring(0, name.Length - "Async".Length);
            }
            else if (name.EndsWith("Sync", StringComparison.Ordinal))
            {
                name = name.Substring(0, name.Length - "Sync".Length);
            }

            return name;
        }

        /// <summary>
        /// The generated class name of a Cybrid Bank API type: one named <c>*BankApi</c>, or one with an operation table
        /// class name (<c>QuotesApi</c>) in a namespace that says Cybrid and not Identity or Organization.
        /// </summary>
        private static string? ApiClassName(INamedTypeSymbol type)
        {
            var name = BaseApiName(type.Name);
            if (name.EndsWith("BankApi", StringComparison.Ordinal))
            {
                return name;
            }

            if (name.EndsWith("Api", StringComparison.Ordinal) && TokenFlowFacts.NamespaceContains(type.ContainingNamespace, "Cybrid")
                && !TokenFlowFacts.NamespaceContains(type.ContainingNamespace, "Identity") && !TokenFlowFacts.NamespaceContains(type.ContainingNamespace, "Idp")
                && !TokenFlowFacts.NamespaceContains(type.ContainingNamespace, "Organization") && BankOperations.IsApiClassName(name))
            {
                return name;
            }

            return null;
        }

        private BankOperation? GeneratedOperation(IInvocationOperation call, INamedTypeSymbol receiverType, IMethodSymbol method)
        {
            var operation = BankOperations.FindByMethodName(method.Name);
            if (operation == null)
            {
                return null;
            }

            var apiName = ApiClassName(receiverType) ?? ApiClassName(method.ContainingType);
            if (apiName != null)
            {
                return apiName == operation.Api || apiName == operation.DefaultApi ? operation : null;
            }

            TokenFlowIndex.TryGetRoot(call.Instance, out var root, out _);
            return Options.IsBankApiClient(root as ISymbol, receiverType) ? operation : null;
        }

        private void FindGeneratedCustomer(RequestFacts facts)
        {
            var operation = facts.Operation!;
            if (!operation.CanBeCustomerScoped)
            {
                return;
            }

            if ((operation.Carrier & (CustomerCarrier.Path | CustomerCarrier.Query)) != 0)
            {
                var argument = ArgumentNamed(facts.Call, "customerGuid") ?? ArgumentNamed(facts.Call, "customer_guid");
                if (argument != null && argument.ArgumentKind != ArgumentKind.DefaultValue && IsNonNull(argument.Value)
                    && ((operation.Carrier & CustomerCarrier.Path) != 0 || IsSingleValue(argument.Value)))
                {
                    SetCustomer(facts, argument.Value);
                    return;
                }
            }

            foreach (var argument in facts.Call.Arguments)
            {
                if (argument.ArgumentKind == ArgumentKind.DefaultValue || !(argument.Value.Type is INamedTypeSymbol { TypeKind: TypeKind.Class } model)
                    || model.SpecialType != SpecialType.None)
                {
                    continue;
                }

                if (FindCustomerInBody(facts, argument.Value, isObject: true))
                {
                    return;
                }
            }
        }

        /// <summary>
        /// False when <paramref name="call"/> is an <c>HttpClient</c> call that <see cref="ClassifyHttpCall"/> cannot make a
        /// Bank API operation: it has no verb or no URL, or its URL does not resolve. Reads what
        /// <see cref="ClassifyHttpCall"/> reads up to that point but not the body (whose grant check only makes a token
        /// request), and asks for no other request, so leaving such a call to be classified on demand changes no result.
        /// </summary>
        public bool MayBeBankOperation(IInvocationOperation call)
        {
            if (!IsHttpClientCall(call.TargetMethod))
            {
                return true;
            }

            if (!TryReadHttpCall(call, out var client, out var verb, out var url, out _, out _, out _) || verb == null || url == null)
            {
                return false;
            }

            var urlInfo = ResolveUrl(client, url, out _, out _);
            return urlInfo != null && urlInfo.OperationSegments() != null;
        }

        private RequestFacts ClassifyHttpCall(IInvocationOperation call)
        {
            if (!TryReadHttpCall(call, out var client, out var verb, out var url, out var body, out var bodyIsObject, out var message))
            {
                return RequestFacts.NotARequest;
            }

            if (verb == null)
            {
                return RequestFacts.NotARequest;
            }

            var viaConfiguredClient = false;
            var baseService = CybridService.None;
            var urlInfo = url == null ? null : ResolveUrl(client, url, out viaConfiguredClient, out baseService);
            var segments = urlInfo?.OperationSegments();

            // token endpoints: a client-credentials grant makes a bank or organization token whatever host it names
            if (verb == "POST" && body != null && (urlInfo == null || EndsWith(urlInfo, "oauth", "token")) && IsClientCredentialsGrant(body, bodyIsObject, out var issued))
            {
                return new RequestFacts(call, RequestRole.ClientCredentials) { IssuedKind = issued, Client = client, Message = message };
            }

            if (urlInfo == null || segments == null)
            {
                return RequestFacts.NotARequest;
            }

            if (verb == "POST" && segments.Count == 1 && segments[0] == "customer_tokens")
            {
                return new RequestFacts(call, RequestRole.CustomerToken) { IssuedKind = TokenKind.Customer, Client = client, Message = message };
            }

            var service = urlInfo.IsAbsolute
                ? (urlInfo.Host == null ? CybridService.None : CybridUrls.Classify(urlInfo.Host, out _))
                : baseService;
            if (service != CybridService.Bank && !viaConfiguredClient)
            {
                return RequestFacts.NotARequest;
            }

            var operation = BankOperations.FindByPath(verb, segments);
            if (operation == null)
            {
                return RequestFacts.NotARequest;
            }

            var facts = new RequestFacts(call, RequestRole.BankOperation) { Operation = operation, Client = client, Message = message };
            if (operation.CanBeCustomerScoped)
            {
                FindHttpCustomer(facts, urlInfo, body, bodyIsObject);
            }

            return facts;
        }

        /// <summary>The client, verb, URL and body of an <c>HttpClient</c> call; false for a send whose message cannot be read.</summary>
        private bool TryReadHttpCall(
            IInvocationOperation call,
            out IOperation? client,
            out string? verb,
            out IOperation? url,
            out IOperation? body,
            out bool bodyIsObject,
            out IOperation? message)
        {
            var method = call.TargetMethod;
            client = method.IsStatic ? (call.Arguments.Length > 0 ? call.Arguments[0].Value : null) : call.Instance;
            body = null;
            bodyIsObject = false;
            message = null;
            if (method.Name.StartsWith("Send", StringComparison.Ordinal))
            {
                message = ArgumentNamed(call, "request")?.Value;
                if (message == null || !ReadMessage(message, out verb, out url, out body))
                {
                    verb = null;
                    url = null;
                    return false;
                }

                return true;
            }

            verb = VerbOf(method.Name);
            url = ArgumentNamed(call, "requestUri")?.Value;
            var content = ArgumentNamed(call, "content");
            var value = ArgumentNamed(call, "value");
            if (content != null)
            {
                body = content.Value;
            }
            else if (value != null)
            {
                body = value.Value;
                bodyIsObject = true;
            }

            return true;
        }

        private static bool EndsWith(UrlInfo url, string first, string second)
        {
            var count = url.Segments.Count;
            return count >= 2 && url.Segments[count - 2].Text == first && url.Segments[count - 1].Text == second;
        }

        private void FindHttpCustomer(RequestFacts facts, UrlInfo url, IOperation? body, bool bodyIsObject)
        {
            var operation = facts.Operation!;
            if ((operation.Carrier & CustomerCarrier.Path) != 0)
            {
                var segment = url.SegmentFor(operation, "{customer_guid}");
                if (segment != null && (segment.Value.IsConstant || segment.Value.Hole != null))
                {
                    SetCustomer(facts, segment.Value.Hole);
                    return;
                }
            }

            if ((operation.Carrier & CustomerCarrier.Query) != 0)
            {
                foreach (var parameter in url.Query)
                {
                    if (parameter.Key != "customer_guid")
                    {
                        continue;
                    }

                    var value = parameter.Value;
                    if ((value.IsConstant && value.Text!.Length > 0 && value.Text.IndexOf(',') < 0 && value.Text.IndexOf("%2C", StringComparison.OrdinalIgnoreCase) < 0)
                        || (value.Hole != null && IsSingleValue(value.Hole)))
                    {
                        SetCustomer(facts, value.Hole);
                        return;
                    }
                }
            }

            if (body != null)
            {
                FindCustomerInBody(facts, body, bodyIsObject);
            }
        }

        private bool FindCustomerInBody(RequestFacts facts, IOperation body, bool isObject)
        {
            var operation = facts.Operation!;
            if ((operation.Carrier & CustomerCarrier.Body) != 0)
            {
                var member = isObject ? FindObjectMember(body, "customer_guid", 0) : FindContentMember(body, "customer_guid", 0);
                if (member.HasValue)
                {
                    SetCustomer(facts, member.Expression);
                    return true;
                }
            }

            if ((operation.Carrier & CustomerCarrier.Quote) != 0)
            {
                var quoteGuid = isObject ? FindObjectMember(body, "quote_guid", 0) : FindContentMember(body, "quote_guid", 0);
                if (quoteGuid.HasValue && quoteGuid.Expression != null)
                {
                    var quote = OriginRequest(quoteGuid.Expression, facts.Call);
                    if (quote != null && quote.Role == RequestRole.BankOperation && quote.Operation!.Name == "CreateQuote" && quote.ActsForOneCustomer)
                    {
                        SetCustomer(facts, quote.CustomerGuid);
                        return true;
                    }
                }
            }

            return false;
        }

        private static void SetCustomer(RequestFacts facts, IOperation? guid)
        {
            facts.ActsForOneCustomer = true;
            facts.CustomerGuid = guid;
        }

        /// <summary>
        /// The request a value was read from, inside the same method: <c>quote.Guid</c> of
        /// <c>var quote = await api.CreateQuoteAsync(…)</c>, or <c>doc.GetProperty("guid").GetString()</c> of a raw response.
        /// </summary>
        private RequestFacts? OriginRequest(IOperation value, IOperation request)
        {
            var function = TokenFlowIndex.FunctionRoot(request);
            var current = ConstantStrings.Unwrap(value);
            for (var depth = 0; current != null && depth < MaxOriginDepth; depth++)
            {
                switch (current)
                {
                    case IAwaitOperation awaited:
                        current = ConstantStrings.Unwrap(awaited.Operation);
                        continue;
                    case IPropertyReferenceOperation { Instance: { } instance }:
                        current = ConstantStrings.Unwrap(instance);
                        continue;
                    case IFieldReferenceOperation { Instance: { } fieldInstance } when !(fieldInstance is IInstanceReferenceOperation):
                        current = ConstantStrings.Unwrap(fieldInstance);
                        continue;
                    case IConditionalAccessOperation conditional:
                        current = ConstantStrings.Unwrap(conditional.Operation);
                        continue;
                    case IInvocationOperation invocation:
                        var facts = Request(invocation);
                        if (facts.Role != RequestRole.None)
                        {
                            return ReferenceEquals(TokenFlowIndex.FunctionRoot(invocation), function) ? facts : null;
                        }

                        current = ConstantStrings.Unwrap(invocation.Instance ?? (invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null));
                        continue;
                    case ILocalReferenceOperation local:
                        var values = Index.ValuesOf(local.Local);
                        if (values.Count != 1)
                        {
                            return null;
                        }

                        current = ConstantStrings.Unwrap(values[0]);
                        continue;
                    default:
                        return null;
                }
            }

            return null;
        }

        /// <summary>Reads the method, URL and content of the <c>HttpRequestMessage</c> handed to <c>SendAsync</c>.</summary>
        private bool ReadMessage(IOperation message, out string? verb, out IOperation? url, out IOperation? body)
        {
            verb = null;
            url = null;
            body = null;
            IObjectCreationOperation? creation = null;
            var unwrapped = ConstantStrings.Unwrap(message);
            if (unwrapped is IObjectCreationOperation direct)
            {
                creation = direct;
            }
            else if (TokenFlowIndex.TryGetRoot(unwrapped, out var root, out var path) && path.Length == 0 && root is ISymbol symbol)
            {
                var values = Index.ValuesOf(symbol);
                if (values.Count != 1 || !(ConstantStrings.Unwrap(values[0]) is IObjectCreationOperation single))
                {
                    return false;
                }

                creation = single;
            }

            if (creation == null || !TokenFlowFacts.DerivesFrom(creation.Type, "HttpRequestMessage", "System.Net.Http"))
            {
                return false;
            }

            var methods = new List<IOperation>();
            var urls = new List<IOperation>();
            if (creation.Arguments.Length == 2)
            {
                methods.Add(creation.Arguments[0].Value);
                urls.Add(creation.Arguments[1].Value);
            }

            object messageRoot = creation;
            if (!(unwrapped is IObjectCreationOperation) && TokenFlowIndex.TryGetRoot(unwrapped, out var root2, out _))
            {
                messageRoot = root2;
            }

            methods.AddRange(Index.ValuesAt(messageRoot, "Method"));
            urls.AddRange(Index.ValuesAt(messageRoot, "RequestUri"));
            var contents = Index.ValuesAt(messageRoot, "Content");
            if (methods.Count != 1 || urls.Count != 1 || contents.Count > 1)
            {
                return false;
            }

            verb = VerbOfHttpMethod(methods[0]);
            url = urls[0];
            body = contents.Count == 1 ? contents[0] : null;
            return verb != null;
        }

        private static string? VerbOf(string methodName)
        {
            if (methodName.StartsWith("Get", StringComparison.Ordinal))
            {
                return "GET";
            }

            if (methodName.StartsWith("Post", StringComparison.Ordinal))
            {
                return "POST";
            }

            if (methodName.StartsWith("Put", StringComparison.Ordinal))
            {
                return "PUT";
            }

            if (methodName.StartsWith("Patch", StringComparison.Ordinal))
            {
                return "PATCH";
            }

            if (methodName.StartsWith("Delete", StringComparison.Ordinal))
            {
                return "DELETE";
            }

            return null;
        }

        private string? VerbOfHttpMethod(IOperation operation)
        {
            var unwrapped = ConstantStrings.Unwrap(operation);
            switch (unwrapped)
            {
                case IPropertyReferenceOperation { Instance: null } property when property.Property.ContainingType?.Name == "HttpMethod":
                    return property.Property.Name.ToUpperInvariant();
                case IObjectCreationOperation creation when creation.Type?.Name == "HttpMethod" && creation.Arguments.Length == 1
                                                            && TokenFlowText.TryFold(creation.Arguments[0].Value, Index, out var name):
                    return name.ToUpperInvariant();
                case ILocalReferenceOperation local:
                    var values = Index.ValuesOf(local.Local);
                    return values.Count == 1 ? VerbOfHttpMethod(values[0]) : null;
                default:
                    return null;
            }
        }

        /// <summary>
        /// The URL of a request: absolute, or relative and resolved against every <c>BaseAddress</c> the client is given
        /// (they must agree on the service). <paramref name="viaConfiguredClient"/> is set for a client listed in
        /// <c>bank_api_clients</c>, whose relative paths count as Bank API paths.
        /// </summary>
        private UrlInfo? ResolveUrl(IOperation? client, IOperation url, out bool viaConfiguredClient, out CybridService baseService)
        {
            viaConfiguredClient = false;
            baseService = CybridService.None;
            var pieced = TokenFlowText.Build(url, Index);
            var info = TokenFlowText.ParseUrl(pieced);
            if (info == null || info.IsAbsolute)
            {
                return info;
            }

            object? root = null;
            var path = TokenFlowIndex.Self;
            if (client != null && TokenFlowIndex.TryGetRoot(client, out var clientRoot, out var clientPath))
            {
                root = clientRoot;
                path = clientPath;
            }

            viaConfiguredClient = Options.IsBankApiClient(root as ISymbol, null) || Options.IsBankApiClient(null, Index.Type)
                                  || (client != null && Options.IsBankApiClient(null, client.Type));
            if (root == null)
            {
                return viaConfiguredClient ? info : null;
            }

            var bases = Index.ValuesAt(root, TokenFlowIndex.Combine(path, "BaseAddress"));
            if (bases.Count == 0)
            {
                return viaConfiguredClient ? info : null;
            }

            UrlInfo? resolved = null;
            var service = CybridService.None;
            foreach (var baseAddress in bases)
            {
                if (!TokenFlowText.TryFold(baseAddress, Index, out var baseText) || !CybridUrls.TryParseAbsolute(baseText, out _, out var host))
                {
                    return viaConfiguredClient ? info : null;
                }

                var candidate = TokenFlowText.ParseRelativeTo(baseText, pieced);
                var candidateService = CybridUrls.Classify(host, out _);
                if (candidate == null || (resolved != null && service != candidateService))
                {
                    return viaConfiguredClient ? info : null;
                }

                resolved = candidate;
                service = candidateService;
            }

            baseService = service;
            return resolved;
        }

        /// <summary><c>grant_type=client_credentials</c> in a JSON, form or object body; an organization-only scope makes it an organization token.</summary>
        private bool IsClientCredentialsGrant(IOperation body, bool isObject, out TokenKind issued)
        {
            issued = TokenKind.Bank;
            var grant = isObject ? FindObjectMember(body, "grant_type", 0) : FindContentMember(body, "grant_type", 0);
            if (!grant.Found || grant.Text != "client_credentials")
            {
                return false;
            }

            var scope = isObject ? FindObjectMember(body, "scope", 0) : FindContentMember(body, "scope", 0);
            if (scope.Text != null && HasOrganizationScope(scope.Text))
            {
                issued = TokenKind.Organization;
            }

            return true;
        }

        private static bool HasOrganizationScope(string scopes)
        {
            foreach (var scope in scopes.Split(new[] { ' ', ',', '+' }, StringSplitOptions.RemoveEmptyEntries))
            {
                if (scope.StartsWith("organizations:", StringComparison.Ordinal) || scope.StartsWith("organization_applications:", StringComparison.Ordinal)
                    || scope == "banks:execute" || scope.StartsWith("users:", StringComparison.Ordinal)
                    || scope.StartsWith("subscriptions:", StringComparison.Ordinal) || scope.StartsWith("subscription_events:", StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A member of an <c>HttpContent</c>: <c>JsonContent.Create(x)</c>, <c>new StringContent(json)</c>, <c>new FormUrlEncodedContent(pairs)</c>.</summary>
        private BodyMember FindContentMember(IOperation content, string key, int depth)
        {
            var unwrapped = ConstantStrings.Unwrap(content);
            if (unwrapped == null || depth > MaxOriginDepth)
            {
                return default;
            }

            switch (unwrapped)
            {
                case IObjectCreationOperation creation when creation.Arguments.Length >= 1:
                    switch (creation.Type?.Name)
                    {
                        case "StringContent":
                            return FindTextMember(creation.Arguments[0].Value, key, depth + 1);
                        case "FormUrlEncodedContent":
                            return FindObjectMember(creation.Arguments[0].Value, key, depth + 1);
                        default:
                            return default;
                    }

                case IInvocationOperation { TargetMethod: { Name: "Create", IsStatic: true, ContainingType.Name: "JsonContent" } } create when create.Arguments.Length >= 1:
                    return FindObjectMember(create.Arguments[0].Value, key, depth + 1);
                case ILocalReferenceOperation local:
                    var values = Index.ValuesOf(local.Local);
                    return values.Count == 1 ? FindContentMember(values[0], key, depth + 1) : default;
                default:
                    return default;
            }
        }

        /// <summary>A member of JSON or form text, or of the object a serializer call turns into text.</summary>
        private BodyMember FindTextMember(IOperation text, string key, int depth)
        {
            var unwrapped = ConstantStrings.Unwrap(text);
            if (unwrapped == null || depth > MaxOriginDepth)
            {
                return default;
            }

            if (unwrapped is IInvocationOperation { TargetMethod.IsStatic: true } serialize
                && (serialize.TargetMethod.Name == "Serialize" || serialize.TargetMethod.Name == "SerializeObject")
                && serialize.Arguments.Length >= 1)
            {
                return FindObjectMember(serialize.Arguments[0].Value, key, depth + 1);
            }

            if (unwrapped is ILocalReferenceOperation local)
            {
                var values = Index.ValuesOf(local.Local);
                if (values.Count == 1 && ConstantStrings.Unwrap(values[0]) is IInvocationOperation)
                {
                    return FindTextMember(values[0], key, depth + 1);
                }
            }

            var pieced = TokenFlowText.Build(unwrapped, Index);
            if (TokenFlowText.TryFindJsonMember(pieced, key, out var value, out var isNull)
                || TokenFlowText.TryFindFormMember(pieced, key, out value))
            {
                return new BodyMember(true, isNull || (value.Text != null && value.Text.Length == 0), value.Hole, value.Text);
            }

            return default;
        }

        /// <summary>
        /// A member of an object that becomes a request body: an anonymous object, a dictionary or key/value pairs, a
        /// DTO (property named like the key in PascalCase, or carrying <c>[JsonPropertyName]</c>, <c>[JsonProperty]</c>
        /// or <c>[DataMember(Name = …)]</c> with the key; or a constructor parameter in camelCase), including writes made
        /// after the object was created. Every write must have a value for the member to count as set.
        /// </summary>
        public BodyMember FindObjectMember(IOperation value, string key, int depth)
        {
            var unwrapped = ConstantStrings.Unwrap(value);
            if (unwrapped == null || depth > MaxOriginDepth)
            {
                return default;
            }

            var found = new List<IOperation>();
            switch (unwrapped)
            {
                case IAnonymousObjectCreationOperation anonymous:
                    foreach (var initializer in anonymous.Initializers)
                    {
                        if (initializer is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment && property.Property.Name == key)
                        {
                            found.Add(assignment.Value);
                        }
                    }

                    break;
                case IObjectCreationOperation creation:
                    CollectCreationMember(creation, key, found);
                    break;
                case IArrayCreationOperation { Initializer: { } elements }:
                    foreach (var element in elements.ElementValues)
                    {
                        if (ConstantStrings.Unwrap(element) is IObjectCreationOperation pair && pair.Arguments.Length == 2 && pair.Type?.Name == "KeyValuePair"
                            && TokenFlowText.TryFold(pair.Arguments[0].Value, Index, out var pairKey) && pairKey == key)
                        {
                            found.Add(pair.Arguments[1].Value);
                        }
                    }

                    break;
                case ILocalReferenceOperation _:
                case IFieldReferenceOperation _:
                case IParameterReferenceOperation _:
                case IPropertyReferenceOperation _:
                    if (!TokenFlowIndex.TryGetRoot(unwrapped, out var root, out var path))
                    {
                        return default;
                    }

                    var later = LaterWrites(root, path, unwrapped.Type, key);
                    if (path.Length == 0 && root is ISymbol symbol)
                    {
                        var values = Index.ValuesOf(symbol);
                        if (values.Count == 1)
                        {
                            var initial = FindObjectMember(values[0], key, depth + 1);
                            if (initial.Found)
                            {
                                var merged = Merge(later, key);
                                if (!merged.Found)
                                {
                                    return initial;
                                }

                                return initial.IsNull || merged.IsNull
                                    ? new BodyMember(true, true, null, null)
                                    : new BodyMember(true, false, merged.Expression ?? initial.Expression, merged.Expression == null && initial.Expression == null && merged.Text == initial.Text ? merged.Text : null);
                            }
                        }
                    }

                    found.AddRange(later);
                    break;
                default:
                    return default;
            }

            return Merge(found, key);
        }

        private List<IOperation> LaterWrites(object root, string path, ITypeSymbol? type, string key)
        {
            var result = new List<IOperation>();
            result.AddRange(Index.ValuesAt(root, TokenFlowIndex.Combine(path, "[" + key + "]")));
            var property = type == null ? null : FindJsonProperty(type, key);
            if (property != null)
            {
                result.AddRange(Index.ValuesAt(root, TokenFlowIndex.Combine(path, property.Name)));
            }

            return result;
        }

        private BodyMember Merge(List<IOperation> values, string key)
        {
            if (values.Count == 0)
            {
                return default;
            }

            IOperation? expression = null;
            string? text = null;
            foreach (var value in values)
            {
                if (!IsNonNull(value))
                {
                    return new BodyMember(true, true, null, null);
                }

                if (TokenFlowText.TryFold(value, Index, out var folded))
                {
                    text = text == null || text == folded ? folded : null;
                }
                else
                {
                    expression ??= value;
                    text = null;
                }
            }

            return new BodyMember(true, false, expression, expression == null ? text : null);
        }

        private void CollectCreationMember(IObjectCreationOperation creation, string key, List<IOperation> found)
        {
            found.AddRange(Index.ValuesAt(creation, "[" + key + "]"));
            var type = creation.Type;
            if (type == null)
            {
                return;
            }

            var property = FindJsonProperty(type, key);
            if (property != null)
            {
                found.AddRange(Index.ValuesAt(creation, property.Name));
            }

            var camel = CamelCase(key);
            foreach (var argument in creation.Arguments)
            {
                if (argument.ArgumentKind != ArgumentKind.DefaultValue && argument.Parameter != null
                    && (argument.Parameter.Name == camel || argument.Parameter.Name == key))
                {
                    found.Add(argument.Value);
                }
            }
        }

        /// <summary>The property of a DTO that serializes as <paramref name="key"/>.</summary>
        private static IPropertySymbol? FindJsonProperty(ITypeSymbol type, string key)
        {
            var pascal = IdentifierWords.ToPascalCase(key);
            IPropertySymbol? byName = null;
            for (var current = type; current != null && current.SpecialType == SpecialType.None; current = current.BaseType)
            {
                foreach (var member in current.GetMembers())
                {
                    if (!(member is IPropertySymbol property) || property.IsStatic || property.IsIndexer)
                    {
                        continue;
                    }

                    var serializedName = SerializedName(property);
                    if (serializedName != null)
                    {
                        if (serializedName == key)
                        {
                            return property;
                        }

                        continue;
                    }

                    if (byName == null && property.Name == pascal)
                    {
                        byName = property;
                    }
                }
            }

            return byName;
        }

        private static string? SerializedName(IPropertySymbol property)
        {
            foreach (var attribute in property.GetAttributes())
            {
                switch (attribute.AttributeClass?.Name)
                {
                    case "JsonPropertyNameAttribute":
                    case "JsonPropertyAttribute":
                        if (attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string name)
                        {
                            return name;
                        }

                        foreach (var named in attribute.NamedArguments)
                        {
                            if (named.Key == "PropertyName" && named.Value.Value is string propertyName)
                            {
                                return propertyName;
                            }
                        }

                        break;
                    case "DataMemberAttribute":
                        foreach (var named in attribute.NamedArguments)
                        {
                            if (named.Key == "Name" && named.Value.Value is string dataName)
                            {
                                return dataName;
                            }
                        }

                        break;
                }
            }

            return null;
        }

        private static string CamelCase(string key)
        {
            var pascal = IdentifierWords.ToPascalCase(key);
            return pascal.Length == 0 ? pascal : char.ToLowerInvariant(pascal[0]) + pascal.Substring(1);
        }

        /// <summary>Not <c>null</c>, <c>default</c> or an empty string.</summary>
        private static bool IsNonNull(IOperation value)
        {
            var unwrapped = ConstantStrings.Unwrap(value);
            if (unwrapped == null || unwrapped is IDefaultValueOperation)
            {
                return false;
            }

            if (unwrapped.ConstantValue.HasValue)
            {
                return unwrapped.ConstantValue.Value is string s ? s.Length > 0 : unwrapped.ConstantValue.Value != null;
            }

            return true;
        }

        /// <summary>
        /// A query value that names one customer: not a constant list (<c>a,b</c>), not <c>string.Join</c>, and not a
        /// symbol whose name is plural (<c>customerGuids</c>).
        /// </summary>
        private bool IsSingleValue(IOperation value)
        {
            var unwrapped = ConstantStrings.Unwrap(value);
            for (var depth = 0; unwrapped != null && depth < 4; depth++)
            {
                if (TokenFlowText.TryFold(unwrapped, Index, out var text))
                {
                    return text.Length > 0 && text.IndexOf(',') < 0;
                }

                switch (unwrapped)
                {
                    case IInvocationOperation { TargetMethod.Name: "EscapeDataString" or "UrlEncode" or "ToString" or "Trim" or "ToLowerInvariant" } encode:
                        // an encoding or formatting call keeps the number of values of what it encodes
                        unwrapped = ConstantStrings.Unwrap(encode.Instance ?? (encode.Arguments.Length > 0 ? encode.Arguments[0].Value : null));
                        if (encode.Instance != null && encode.Instance.Type?.Name == "Guid")
                        {
                            return true;
                        }

                        continue;
                    case ILocalReferenceOperation local:
                        if (IsPluralName(local.Local.Name))
                        {
                            return false;
                        }

                        var values = Index.ValuesOf(local.Local);
                        if (values.Count != 1)
                        {
                            return values.Count > 1 ? AllSingle(values) : true;
                        }

                        unwrapped = ConstantStrings.Unwrap(values[0]);
                        continue;
                    case IParameterReferenceOperation parameter:
                        return !IsPluralName(parameter.Parameter.Name);
                    case IFieldReferenceOperation field:
                        return !IsPluralName(field.Field.Name);
                    case IPropertyReferenceOperation property:
                        return !IsPluralName(property.Property.Name);
                    default:
                        return unwrapped.Type?.Name == "Guid"; // another call could return a comma-separated list
                }
            }

            return false;
        }

        private bool AllSingle(IReadOnlyList<IOperation> values)
        {
            foreach (var value in values)
            {
                if (!IsSingleValue(value))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool IsPluralName(string name)
            => IdentifierWords.EndsWith(name, "guids") || IdentifierWords.EndsWith(name, "ids") || IdentifierWords.EndsWith(name, "list");

        private static IArgumentOperation? ArgumentNamed(IInvocationOperation call, string name)
        {
            foreach (var argument in call.Arguments)
            {
                if (argument.Parameter?.Name == name)
                {
                    return argument;
                }
            }

            return null;
        }
    }
}
