using System.Text.Json.Nodes;
using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Amazon.SecurityToken.Model;
using OpsBot.Cli.Local;
using OpsBot.Functions.Aws;
using OpsBot.Functions.Configuration;

namespace OpsBot.Cli.Tests.Scan;

/// <summary>
/// A moto member account, reached by assuming a role from the emulator's default account as a
/// live scan does, with violating and compliant security groups, buckets and snapshots; and that
/// account's describe output, printed by the AWS CLI, as saved inventories.
/// </summary>
internal sealed class MemberAccountWorld : IDisposable
{
    public const string Account = "111111111111";
    public const string Role = "opsbot-scan";
    public const string Region = "us-east-1";

    private readonly MotoServer _moto = new();
    private readonly List<string> _files = [];

    private MemberAccountWorld()
    {
    }

    public Uri Endpoint => _moto.Endpoint;

    public string OpenSshGroup { get; private set; } = "";
    public string PrivateDatabaseGroup { get; private set; } = "";
    public string PublicBucket { get; } = "scan-public-reports";
    public string PrivateBucket { get; } = "scan-private-data";
    public string PublicSnapshot { get; private set; } = "";
    public string PrivateSnapshot { get; private set; } = "";

    /// <summary>Credentials of the emulator's default account: the caller of the scan.</summary>
    public static IReadOnlyDictionary<string, string> CallerEnvironment { get; } = new Dictionary<string, string>
    {
        ["AWS_ACCESS_KEY_ID"] = "testing",
        ["AWS_SECRET_ACCESS_KEY"] = "testing",
        ["AWS_SESSION_TOKEN"] = "",
        ["AWS_PROFILE"] = "",
        ["AWS_REGION"] = Region,
    };

    private AwsCli Cli { get; set; } = null!;

    public static async Task<MemberAccountWorld> CreateAsync()
    {
        var world = new MemberAccountWorld();
        var clients = new AwsClientFactory(new AwsEndpoints(new ProcessEnvironmentVariables(), world.Endpoint), new BasicAWSCredentials("testing", "testing"));
        using var sts = clients.CreateSts(Region);
        var assumed = (await sts.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = $"arn:aws:iam::{Account}:role/{Role}", RoleSessionName = "setup" })).Credentials;
        var member = new SessionAWSCredentials(assumed.AccessKeyId, assumed.SecretAccessKey, assumed.SessionToken);
        world.Cli = new AwsCli(world.Endpoint, assumed.AccessKeyId, assumed.SecretAccessKey, assumed.SessionToken, Region);
        using var ec2 = clients.CreateEc2(member, Region);
        using var s3 = clients.CreateS3(member, Region);
        await world.CreateGroupsAsync(ec2);
        await world.CreateBucketsAsync(s3);
        await world.CreateSnapshotsAsync(ec2);
        return world;
    }

    /// <summary>A file with <paramref name="text"/>, deleted with the world.</summary>
    public string WriteFile(string text)
    {
        var path = Path.Combine(Path.GetTempPath(), $"opsbot-scan-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, text);
        _files.Add(path);
        return path;
    }

    /// <summary><c>aws ec2 describe-security-groups</c> and <c>describe-security-group-rules</c> of the member account.</summary>
    public async Task<string[]> SecurityGroupInventoryAsync() =>
    [
        WriteFile((await Cli.JsonAsync("ec2", "describe-security-groups")).ToJsonString()),
        WriteFile((await Cli.JsonAsync("ec2", "describe-security-group-rules")).ToJsonString()),
    ];

    /// <summary>Per bucket of <c>aws s3api list-buckets</c>: its name and what get-bucket-acl, get-public-access-block, get-bucket-policy and get-bucket-tagging print, merged.</summary>
    public async Task<string> BucketInventoryAsync()
    {
        var buckets = new JsonArray();
        foreach (var listed in (await Cli.JsonAsync("s3api", "list-buckets"))["Buckets"]!.AsArray())
        {
            var name = listed!["Name"]!.GetValue<string>();
            var bucket = new JsonObject { ["Bucket"] = name };
            Merge(bucket, await Cli.JsonAsync("s3api", "get-bucket-acl", "--bucket", name));
            Merge(bucket, await Cli.TryJsonAsync(["s3api", "get-public-access-block", "--bucket", name], "NoSuchPublicAccessBlockConfiguration"));
            Merge(bucket, await Cli.TryJsonAsync(["s3api", "get-bucket-policy", "--bucket", name], "NoSuchBucketPolicy"));
            Merge(bucket, await Cli.TryJsonAsync(["s3api", "get-bucket-tagging", "--bucket", name], "NoSuchTagSet"));
            buckets.Add(bucket);
        }

        return WriteFile(buckets.ToJsonString());
    }

    /// <summary>Per snapshot of <c>aws ec2 describe-snapshots --owner-ids self</c>: what describe-snapshot-attribute prints, with the snapshot's owner and tags.</summary>
    public async Task<string> SnapshotInventoryAsync()
    {
        var snapshots = new JsonArray();
        // moto answers its own AMI snapshots too, whatever the owner asked for.
        foreach (var listed in (await Cli.JsonAsync("ec2", "describe-snapshots", "--owner-ids", "self"))["Snapshots"]!.AsArray().Where(s => s!["OwnerId"]!.GetValue<string>() == Account))
        {
            var id = listed!["SnapshotId"]!.GetValue<string>();
            var snapshot = (JsonObject)await Cli.JsonAsync("ec2", "describe-snapshot-attribute", "--attribute", "createVolumePermission", "--snapshot-id", id);
            snapshot["OwnerId"] = listed["OwnerId"]!.DeepClone();
            if (listed["Tags"] is { } tags)
            {
                snapshot["Tags"] = tags.DeepClone();
            }

            snapshots.Add(snapshot);
        }

        return WriteFile(snapshots.ToJsonString());
    }

    public void Dispose()
    {
        foreach (var file in _files)
        {
            File.Delete(file);
        }

        _moto.Dispose();
    }

    private static void Merge(JsonObject into, JsonNode? part)
    {
        foreach (var (key, value) in part?.AsObject() ?? [])
        {
            into[key] = value?.DeepClone();
        }
    }

    private async Task CreateGroupsAsync(IAmazonEC2 ec2)
    {
        OpenSshGroup = (await ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest("bastion", "ssh from anywhere"))).GroupId;
        await ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest
        {
            GroupId = OpenSshGroup,
            IpPermissions = [new IpPermission { IpProtocol = "tcp", FromPort = 22, ToPort = 22, Ipv4Ranges = [new IpRange { CidrIp = "0.0.0.0/0" }] }],
        });
        PrivateDatabaseGroup = (await ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest("db", "postgres from the VPC"))).GroupId;
        await ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest
        {
            GroupId = PrivateDatabaseGroup,
            IpPermissions = [new IpPermission { IpProtocol = "tcp", FromPort = 5432, ToPort = 5432, Ipv4Ranges = [new IpRange { CidrIp = "10.0.0.0/8" }] }],
        });
    }

    private async Task CreateBucketsAsync(IAmazonS3 s3)
    {
        await s3.PutBucketAsync(new PutBucketRequest { BucketName = PublicBucket });
        await s3.PutBucketAclAsync(new PutBucketAclRequest { BucketName = PublicBucket, ACL = S3CannedACL.PublicRead });
        await s3.PutBucketTaggingAsync(new PutBucketTaggingRequest { BucketName = PublicBucket, TagSet = [new Amazon.S3.Model.Tag { Key = "team", Value = "analytics" }] });
        await s3.PutBucketAsync(new PutBucketRequest { BucketName = PrivateBucket });
        await s3.PutPublicAccessBlockAsync(new PutPublicAccessBlockRequest
        {
            BucketName = PrivateBucket,
            PublicAccessBlockConfiguration = new PublicAccessBlockConfiguration { BlockPublicAcls = true, IgnorePublicAcls = true, BlockPublicPolicy = true, RestrictPublicBuckets = true },
        });
    }

    private async Task CreateSnapshotsAsync(IAmazonEC2 ec2)
    {
        var volume = (await ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = Region + "a", Size = 8 })).Volume.VolumeId;
        PublicSnapshot = (await ec2.CreateSnapshotAsync(new CreateSnapshotRequest { VolumeId = volume, Description = "db backup" })).Snapshot.SnapshotId;
        await ec2.ModifySnapshotAttributeAsync(new ModifySnapshotAttributeRequest
        {
            SnapshotId = PublicSnapshot,
            Attribute = SnapshotAttributeName.CreateVolumePermission,
            OperationType = OperationType.Add,
            GroupNames = ["all"],
        });
        PrivateSnapshot = (await ec2.CreateSnapshotAsync(new CreateSnapshotRequest { VolumeId = volume, Description = "app backup" })).Snapshot.SnapshotId;
        await ec2.ModifySnapshotAttributeAsync(new ModifySnapshotAttributeRequest
        {
            SnapshotId = PrivateSnapshot,
            Attribute = SnapshotAttributeName.CreateVolumePermission,
            OperationType = OperationType.Add,
            UserIds = ["444455556666"],
        });
    }
}
