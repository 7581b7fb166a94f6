namespace OpsBot.Functions.Tests.FaultInjection;

/// <summary>One AWS API call as the <see cref="FaultProxy"/> saw it.</summary>
/// <param name="Service">The SigV4 signing name from the credential scope of the <c>Authorization</c> header, lower-case (e.g. <c>dynamodb</c>, <c>ec2</c>, <c>events</c>); empty for unsigned requests.</param>
/// <param name="Operation">The API operation: the part of <c>X-Amz-Target</c> after the last '.', else the <c>Action</c> field of a form body or query (Query protocol), else the HTTP method (REST protocols such as S3).</param>
/// <param name="Sequence">1-based position among the calls the proxy put to its plan (calls the black hole refused on arrival are not numbered).</param>
/// <param name="Occurrence">1-based position among the calls of the same service and operation, so "the 2nd PutItem" is <c>Occurrence == 2</c>.</param>
/// <param name="Payload">The start of the request body as text (at most 4 KB), so a test can tell one PutItem from another (a claim from an audit record).</param>
public sealed record AwsCall(string Service, string Operation, int Sequence, int Occurrence, string Payload = "")
{
    /// <summary>"dynamodb PutItem #3", for messages.</summary>
    public override string ToString() => $"{Service} {Operation} #{Sequence}";
}
