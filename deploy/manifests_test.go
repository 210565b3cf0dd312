package deploy

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	appsv1 "k8s.io/api/apps/v1"
	autoscalingv2 "k8s.io/api/autoscaling/v2"
	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"
	networkingv1 "k8s.io/api/networking/v1"
	policyv1 "k8s.io/api/policy/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/labels"
	"sigs.k8s.io/kustomize/kyaml/filesys"
)

// target is what one kustomization must render to.
type target struct {
	dir        string
	replicas   int32 // the Deployment's, and the HPA's minimum
	production bool  // a namespace, a release tag, and no Secret of any kind committed
	cnpg       bool  // the database is CloudNativePG's Cluster
}

var targets = []target{
	{dir: "k8s/base", replicas: 2},
	{dir: "k8s/overlays/production", replicas: 3, production: true},
	{dir: "k8s/overlays/production-cnpg", replicas: 3, production: true, cnpg: true},
}

// The server's image runs as this user (deploy/Dockerfile's USER).
const serverUID = 65532

func TestEveryOverlayIsChecked(t *testing.T) {
	entries, err := os.ReadDir("k8s/overlays")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		dir := "k8s/overlays/" + e.Name()
		if e.IsDir() && !slices.ContainsFunc(targets, func(tg target) bool { return tg.dir == dir }) {
			t.Errorf("%s is not among the targets this test renders and checks", dir)
		}
	}
}

func TestManifests(t *testing.T) {
	for _, tg := range targets {
		t.Run(tg.dir, func(t *testing.T) {
			objects, err := Render(filesys.MakeFsOnDisk(), tg.dir)
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("%d objects: %s", len(objects), kinds(objects))
			for _, err := range check(objects, tg) {
				t.Error(err)
			}
		})
	}
}

// TestDecodeRefusesBrokenManifests shows that the decoder cannot pass a manifest that a cluster
// would refuse or misread: each broken document fails, and its unbroken twin decodes.
func TestDecodeRefusesBrokenManifests(t *testing.T) {
	const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: tiertracker
spec:
  %s
  selector:
    matchLabels: {app: tiertracker}
  template:
    metadata:
      labels: {app: tiertracker}
    spec:
      containers:
        - name: api
          image: tiertracker:1.0.0
          readinessProbe:
            %s
`
	const cluster = `apiVersion: postgresql.cnpg.io/v1
kind: Cluster
metadata:
  name: db
spec:
  %s
  storage:
    size: %s
`
	good := map[string]string{
		"Deployment": fmt.Sprintf(deployment, "replicas: 3", "httpGet: {path: /readyz, port: 8080}"),
		"Cluster":    fmt.Sprintf(cluster, "instances: 3", "10Gi"),
	}
	for kind, doc := range good {
		if _, err := Decode([]byte(doc)); err != nil {
			t.Fatalf("the unbroken %s is refused: %v", kind, err)
		}
	}
	cases := []struct {
		name, doc, want string
	}{
		{"unknown field", fmt.Sprintf(deployment, "replica: 3", "httpGet: {path: /readyz, port: 8080}"), `unknown field "spec.replica"`},
		{"field in another case", fmt.Sprintf(deployment, "Replicas: 3", "httpGet: {path: /readyz, port: 8080}"), `unknown field "spec.Replicas"`},
		{"duplicate field", fmt.Sprintf(deployment, "replicas: 3\n  replicas: 2", "httpGet: {path: /readyz, port: 8080}"), `already set in map`},
		{"mistyped number", fmt.Sprintf(deployment, `replicas: "3"`, "httpGet: {path: /readyz, port: 8080}"), `cannot unmarshal string`},
		{"field at the wrong level", fmt.Sprintf(deployment, "replicas: 3", "path: /readyz"), `unknown field "spec.template.spec.containers[0].readinessProbe.path"`},
		{"unknown kind", strings.Replace(good["Deployment"], "kind: Deployment", "kind: Deploymnet", 1), `no kind "Deploymnet"`},
		{"unknown version", strings.Replace(good["Deployment"], "apps/v1", "apps/v1beta9", 1), `no kind "Deployment" is registered for version "apps/v1beta9"`},
		{"CNPG unknown field", fmt.Sprintf(cluster, "instance: 3", "10Gi"), `unknown field "spec.instance"`},
		{"CNPG mistyped number", fmt.Sprintf(cluster, "instances: three", "10Gi"), `cannot unmarshal string`},
		{"CNPG bad quantity", fmt.Sprintf(cluster, "instances: 3", "ten"), `quantities must match`},
		{"CNPG bad enum", fmt.Sprintf(cluster, "instances: 3\n  primaryUpdateStrategy: sometimes", "10Gi"), `primaryUpdateStrategy`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Decode([]byte(c.doc))
			if err == nil {
				t.Fatalf("decoded without an error:\n%s", c.doc)
			}
			if !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %q does not say %q", err, c.want)
			}
		})
	}
}

// TestRenderRefusesBrokenOverlay breaks a copy of the production overlay's base with a misspelt
// field and checks that rendering it fails, so a typo in a manifest fails this test.
func TestRenderRefusesBrokenOverlay(t *testing.T) {
	dir := copyTree(t, "k8s")
	breakFile(t, filepath.Join(dir, "base/deployment.yaml"), "readOnlyRootFilesystem: true", "readOnlyRootFileSystem: true")
	_, err := Render(filesys.MakeFsOnDisk(), filepath.Join(dir, "overlays/production"))
	if err == nil || !strings.Contains(err.Error(), `unknown field "spec.template.spec.containers[0].securityContext.readOnlyRootFileSystem"`) {
		t.Fatalf("rendering a Deployment with a misspelt field: %v, want an unknown field error", err)
	}
}

// TestCheckCatchesViolations breaks valid manifests in the ways the invariants forbid and checks
// that each break is reported, so that the checks of TestManifests cannot pass by looking away.
func TestCheckCatchesViolations(t *testing.T) {
	cases := []struct {
		file, from, to, want string
	}{
		{"base/deployment.yaml", "readOnlyRootFilesystem: true", "readOnlyRootFilesystem: false", "read-only root filesystem"},
		{"base/deployment.yaml", "allowPrivilegeEscalation: false", "allowPrivilegeEscalation: true", "privilege escalation"},
		{"base/deployment.yaml", `drop: ["ALL"]`, `drop: ["NET_RAW"]`, "drop ALL capabilities"},
		{"base/deployment.yaml", "runAsUser: 65532", "runAsUser: 0", "runAsUser"},
		{"base/deployment.yaml", "path: /readyz", "path: /healthz", "readiness probe"},
		{"overlays/production/deployment.yaml", "memory: 512Mi", "memory: 1Mi", "limit below its request"},
		{"base/deployment.yaml", "mountPath: /tmp", "mountPath: /scratch", "/tmp"},
		{"base/deployment.yaml", "                  key: database-url", "                  key: database-url-typo", "DATABASE_URL"},
		{"overlays/production/deployment.yaml", "replicas: 3", "replicas: 1", "replicas"},
		{"overlays/production/hpa.yaml", "minReplicas: 3", "minReplicas: 1", "HPA"},
		{"base/pdb.yaml", "app.kubernetes.io/component: api", "app.kubernetes.io/component: web", "PodDisruptionBudget"},
		{"base/migrate-job.yaml", `args: ["migrate"]`, `args: ["serve"]`, "migrate"},
		{"base/backup-cronjob.yaml", "pg_dump --dbname", "echo --dbname", "pg_dump"},
		{"base/kustomization.yaml", "- METRICS_ADDR=:9090", "- METRICS_ADDR=:9100", "METRICS_ADDR"},
	}
	for _, c := range cases {
		t.Run(c.file+": "+strings.TrimSpace(c.to), func(t *testing.T) {
			dir := copyTree(t, "k8s")
			breakFile(t, filepath.Join(dir, c.file), c.from, c.to)
			objects, err := Render(filesys.MakeFsOnDisk(), filepath.Join(dir, "overlays/production"))
			if err != nil {
				t.Fatal(err)
			}
			errs := check(objects, targets[1])
			if !slices.ContainsFunc(errs, func(e error) bool { return strings.Contains(e.Error(), c.want) }) {
				t.Errorf("no error names %q; got %v", c.want, errs)
			}
		})
	}
}

func copyTree(t *testing.T, src string) string {
	t.Helper()
	dst := filepath.Join(t.TempDir(), "k8s")
	if err := os.CopyFS(dst, os.DirFS(src)); err != nil {
		t.Fatal(err)
	}
	return dst
}

func breakFile(t *testing.T, path, from, to string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), from) {
		t.Fatalf("%s has no %q to break", path, from)
	}
	if err := os.WriteFile(path, []byte(strings.Replace(string(b), from, to, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
}

func kinds(objects []Object) string {
	var s []string
	for _, o := range objects {
		s = append(s, o.Kind+"/"+o.Name)
	}
	return strings.Join(s, " ")
}

// all returns the objects of one type.
func all[T any](objects []Object) []T {
	var out []T
	for _, o := range objects {
		if v, ok := o.Value.(T); ok {
			out = append(out, v)
		}
	}
	return out
}

// check answers every way in which the rendered objects break the deployment's invariants.
func check(objects []Object, tg target) []error {
	var errs []error
	fail := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }

	configMaps := map[string]*corev1.ConfigMap{}
	for _, cm := range all[*corev1.ConfigMap](objects) {
		configMaps[cm.Name] = cm
	}
	claims := map[string]bool{}
	for _, pvc := range all[*corev1.PersistentVolumeClaim](objects) {
		claims[pvc.Name] = true
	}

	// The server.
	deployments := all[*appsv1.Deployment](objects)
	if len(deployments) != 1 {
		fail("%d Deployments, want the server's one", len(deployments))
		return errs
	}
	d := deployments[0]
	podLabels := labels.Set(d.Spec.Template.Labels)
	if d.Spec.Replicas == nil || *d.Spec.Replicas < 2 || *d.Spec.Replicas != tg.replicas {
		fail("Deployment %s: replicas %v, want %d (at least 2)", d.Name, deref(d.Spec.Replicas), tg.replicas)
	}
	if sel := d.Spec.Selector; sel == nil || !labels.SelectorFromSet(sel.MatchLabels).Matches(podLabels) {
		fail("Deployment %s: its selector does not match its pods' labels", d.Name)
	}
	if ru := d.Spec.Strategy.RollingUpdate; ru == nil || ru.MaxUnavailable == nil || ru.MaxUnavailable.IntValue() != 0 {
		fail("Deployment %s: a rolling update must keep every replica until its successor is ready (maxUnavailable 0)", d.Name)
	}
	api, ok := container(d.Spec.Template.Spec, "api")
	if !ok {
		fail("Deployment %s: no container api", d.Name)
		return errs
	}
	if !slices.Equal(api.Args, []string{"serve"}) {
		fail("Deployment %s: the api container's args %v, want [serve]", d.Name, api.Args)
	}
	ports := map[string]int32{}
	for _, p := range api.Ports {
		ports[p.Name] = p.ContainerPort
	}
	if ports["http"] != 8080 || ports["metrics"] != 9090 {
		fail("Deployment %s: ports %v, want http 8080 and metrics 9090", d.Name, ports)
	}
	checkProbe := func(what string, p *corev1.Probe, path string) {
		if p == nil || p.HTTPGet == nil || p.HTTPGet.Path != path || p.HTTPGet.Port.String() != "http" {
			fail("Deployment %s: the %s probe must GET %s on port http", d.Name, what, path)
		}
	}
	checkProbe("readiness", api.ReadinessProbe, "/readyz")
	checkProbe("liveness", api.LivenessProbe, "/healthz")
	if api.StartupProbe != nil {
		checkProbe("startup", api.StartupProbe, "/healthz")
	}
	env := configEnv(api, configMaps)
	if env["METRICS_ADDR"] != ":9090" {
		fail("Deployment %s: METRICS_ADDR %q, want :9090 (the metrics port)", d.Name, env["METRICS_ADDR"])
	}
	if env["STATIC_DIR"] != "/app/web" || env["DATA_DIR"] != "/data" {
		fail("Deployment %s: STATIC_DIR %q and DATA_DIR %q, want the image's /app/web and /data", d.Name, env["STATIC_DIR"], env["DATA_DIR"])
	}
	if !hasSecretEnv(api, "SESSION_SECRET") {
		fail("Deployment %s: SESSION_SECRET must come from a Secret", d.Name)
	}
	if grace := d.Spec.Template.Spec.TerminationGracePeriodSeconds; grace == nil || *grace < 25 {
		fail("Deployment %s: terminationGracePeriodSeconds %v leaves too little for the preStop pause and SHUTDOWN_TIMEOUT (20s)", d.Name, deref(grace))
	}

	// Every pod: the server's, the migration's and the backup's.
	pods := map[string]corev1.PodSpec{"Deployment " + d.Name: d.Spec.Template.Spec}
	jobs := all[*batchv1.Job](objects)
	for _, j := range jobs {
		pods["Job "+j.Name] = j.Spec.Template.Spec
	}
	cronJobs := all[*batchv1.CronJob](objects)
	for _, cj := range cronJobs {
		pods["CronJob "+cj.Name] = cj.Spec.JobTemplate.Spec.Template.Spec
	}
	for name, spec := range pods {
		errs = append(errs, checkPod(name, spec, configMaps, claims)...)
	}

	// Service and Ingress.
	var service *corev1.Service
	for _, s := range all[*corev1.Service](objects) {
		if labels.SelectorFromSet(s.Spec.Selector).Matches(podLabels) {
			service = s
		}
	}
	if service == nil {
		fail("no Service selects the server's pods")
	} else {
		targetsOf := map[string]string{}
		for _, p := range service.Spec.Ports {
			targetsOf[p.Name] = p.TargetPort.String()
		}
		if targetsOf["http"] != "http" || targetsOf["metrics"] != "metrics" {
			fail("Service %s: ports %v, want http and metrics to the container's ports of those names", service.Name, targetsOf)
		}
		ingresses := all[*networkingv1.Ingress](objects)
		if len(ingresses) != 1 {
			fail("%d Ingresses, want 1", len(ingresses))
		}
		for _, ing := range ingresses {
			if len(ing.Spec.TLS) == 0 {
				fail("Ingress %s: no TLS, but the server's cookies are Secure (SECURE_COOKIES=true)", ing.Name)
			}
			for _, r := range ing.Spec.Rules {
				for _, p := range r.HTTP.Paths {
					if b := p.Backend.Service; b == nil || b.Name != service.Name || b.Port.Name != "http" {
						fail("Ingress %s: path %s does not lead to Service %s port http", ing.Name, p.Path, service.Name)
					}
				}
			}
		}
	}
	if env["SECURE_COOKIES"] != "true" {
		fail("SECURE_COOKIES %q, want true behind the Ingress's TLS", env["SECURE_COOKIES"])
	}

	// Scaling and disruptions.
	hpas := all[*autoscalingv2.HorizontalPodAutoscaler](objects)
	if len(hpas) != 1 {
		fail("%d HPAs, want 1", len(hpas))
	}
	for _, h := range hpas {
		ref := h.Spec.ScaleTargetRef
		if ref.Kind != "Deployment" || ref.Name != d.Name || ref.APIVersion != "apps/v1" {
			fail("HPA %s scales %s %s, want Deployment %s", h.Name, ref.Kind, ref.Name, d.Name)
		}
		if h.Spec.MinReplicas == nil || *h.Spec.MinReplicas < 2 || *h.Spec.MinReplicas != tg.replicas {
			fail("HPA %s: minReplicas %v, want %d (at least 2, and the Deployment's)", h.Name, deref(h.Spec.MinReplicas), tg.replicas)
		}
		if h.Spec.MaxReplicas < tg.replicas {
			fail("HPA %s: maxReplicas %d below its minimum", h.Name, h.Spec.MaxReplicas)
		}
		if len(h.Spec.Metrics) == 0 {
			fail("HPA %s: no metrics to scale on", h.Name)
		}
	}
	var pdb *policyv1.PodDisruptionBudget
	for _, p := range all[*policyv1.PodDisruptionBudget](objects) {
		if sel, err := metaSelector(p.Spec.Selector); err == nil && sel.Matches(podLabels) {
			pdb = p
		}
	}
	switch {
	case pdb == nil:
		fail("no PodDisruptionBudget selects the server's pods")
	case pdb.Spec.MaxUnavailable != nil && pdb.Spec.MaxUnavailable.IntValue() >= int(tg.replicas):
		fail("PodDisruptionBudget %s: maxUnavailable %s lets every replica go", pdb.Name, pdb.Spec.MaxUnavailable)
	case pdb.Spec.MaxUnavailable == nil && (pdb.Spec.MinAvailable == nil || pdb.Spec.MinAvailable.IntValue() < 1):
		fail("PodDisruptionBudget %s: neither maxUnavailable nor a minAvailable of at least 1", pdb.Name)
	}

	// Network.
	var policy *networkingv1.NetworkPolicy
	for _, np := range all[*networkingv1.NetworkPolicy](objects) {
		if sel, err := metaSelector(&np.Spec.PodSelector); err == nil && sel.Matches(podLabels) {
			policy = np
		}
	}
	if policy == nil {
		fail("no NetworkPolicy selects the server's pods")
	} else {
		if !slices.Contains(policy.Spec.PolicyTypes, networkingv1.PolicyTypeIngress) || !slices.Contains(policy.Spec.PolicyTypes, networkingv1.PolicyTypeEgress) {
			fail("NetworkPolicy %s: policyTypes %v, want Ingress and Egress", policy.Name, policy.Spec.PolicyTypes)
		}
		egress := map[string]bool{}
		for _, r := range policy.Spec.Egress {
			for _, p := range r.Ports {
				if p.Port != nil {
					egress[p.Port.String()] = true
				}
			}
		}
		if !egress["5432"] || !egress["53"] {
			fail("NetworkPolicy %s: egress to PostgreSQL (5432) and DNS (53) must be open; open: %v", policy.Name, egress)
		}
	}

	// The migration, once per release.
	var migrations []*batchv1.Job
	for _, j := range jobs {
		if c, ok := container(j.Spec.Template.Spec, "migrate"); ok && slices.Equal(c.Args, []string{"migrate"}) {
			migrations = append(migrations, j)
			if c.Image != api.Image {
				fail("Job %s: image %s, want the server's %s", j.Name, c.Image, api.Image)
			}
			if j.Spec.Template.Spec.RestartPolicy != corev1.RestartPolicyNever || j.Spec.BackoffLimit == nil {
				fail("Job %s: restartPolicy Never and a backoffLimit, so that a failing migration stops", j.Name)
			}
			if tg.production {
				_, tag, _ := strings.Cut(api.Image, ":")
				if want := "tiertracker-migrate-" + tag; j.Name != want {
					fail("Job %s: a release's migration Job is named after its tag: want %s", j.Name, want)
				}
			}
		}
	}
	if len(migrations) != 1 {
		fail("%d Jobs run the server's migrate command, want 1", len(migrations))
	}

	// The backup.
	var backups []*batchv1.CronJob
	for _, cj := range cronJobs {
		spec := cj.Spec.JobTemplate.Spec.Template.Spec
		for _, c := range spec.Containers {
			script := strings.Join(append(slices.Clone(c.Command), c.Args...), " ")
			if strings.Contains(script, "pg_dump ") && strings.Contains(script, "$DATABASE_URL") {
				backups = append(backups, cj)
				if cj.Spec.ConcurrencyPolicy != batchv1.ForbidConcurrent {
					fail("CronJob %s: two backups must not run at once (concurrencyPolicy Forbid)", cj.Name)
				}
				if cj.Spec.TimeZone == nil {
					fail("CronJob %s: no timeZone, so its schedule follows the controller's", cj.Name)
				}
			}
		}
	}
	if len(backups) != 1 {
		fail("%d CronJobs run pg_dump on DATABASE_URL, want 1", len(backups))
	}

	// The database, and where its URL comes from.
	clusters := all[*CNPGCluster](objects)
	if tg.cnpg {
		if len(clusters) != 1 {
			fail("%d CloudNativePG Clusters, want 1", len(clusters))
		}
		for _, c := range clusters {
			if c.Spec.Instances < 2 {
				fail("Cluster %s: %d instances, want a primary and at least one standby", c.Name, c.Spec.Instances)
			}
			if c.Spec.Bootstrap == nil || c.Spec.Bootstrap.InitDB == nil || c.Spec.Bootstrap.InitDB.Owner == "" {
				fail("Cluster %s: no initdb owner, so no application Secret", c.Name)
			}
			if c.Namespace != d.Namespace {
				fail("Cluster %s is in namespace %q, the server in %q", c.Name, c.Namespace, d.Namespace)
			}
		}
	} else if len(clusters) != 0 {
		fail("%d CloudNativePG Clusters where the database is external", len(clusters))
	}
	wantSecret, wantKey := "tiertracker", "database-url"
	if tg.cnpg && len(clusters) == 1 {
		wantSecret, wantKey = clusters[0].Name+"-app", "uri"
	}
	for name, spec := range pods {
		for _, c := range spec.Containers {
			for _, e := range c.Env {
				if e.Name != "DATABASE_URL" {
					continue
				}
				if ref := secretRef(e); ref == nil || ref.Name != wantSecret || ref.Key != wantKey {
					fail("%s: DATABASE_URL must come from Secret %s key %s", name, wantSecret, wantKey)
				}
			}
		}
	}

	// What a production overlay must and must not hold.
	if tg.production {
		for _, o := range objects {
			if o.Kind == "Secret" {
				fail("Secret %s is committed; production Secrets are created in the cluster (deploy/README.md)", o.Name)
			}
			if o.Kind != "Namespace" && o.Namespace != "tiertracker" {
				fail("%s %s is in namespace %q, want tiertracker", o.Kind, o.Name, o.Namespace)
			}
		}
		namespaces := all[*corev1.Namespace](objects)
		if len(namespaces) != 1 || namespaces[0].Labels["pod-security.kubernetes.io/enforce"] != "restricted" {
			fail("the namespace must enforce the restricted Pod Security Standard")
		}
	}
	return errs
}

// checkPod answers how one pod breaks the rules every pod of the tracker keeps.
func checkPod(name string, spec corev1.PodSpec, configMaps map[string]*corev1.ConfigMap, claims map[string]bool) []error {
	var errs []error
	fail := func(format string, args ...any) { errs = append(errs, fmt.Errorf(name+": "+format, args...)) }
	psc := spec.SecurityContext
	if psc == nil || psc.RunAsNonRoot == nil || !*psc.RunAsNonRoot {
		fail("the pod must set runAsNonRoot")
	}
	if psc == nil || psc.RunAsUser == nil || *psc.RunAsUser != serverUID {
		fail("the pod's runAsUser must be the image's non-root user %d", serverUID)
	}
	if psc == nil || psc.SeccompProfile == nil || psc.SeccompProfile.Type != corev1.SeccompProfileTypeRuntimeDefault {
		fail("the pod's seccompProfile must be RuntimeDefault")
	}
	if spec.AutomountServiceAccountToken == nil || *spec.AutomountServiceAccountToken {
		fail("the pod must not mount a service account token it does not use")
	}
	volumes := map[string]corev1.Volume{}
	for _, v := range spec.Volumes {
		volumes[v.Name] = v
		if v.PersistentVolumeClaim != nil && !claims[v.PersistentVolumeClaim.ClaimName] {
			fail("volume %s claims %s, which is not among the manifests", v.Name, v.PersistentVolumeClaim.ClaimName)
		}
	}
	for _, c := range slices.Concat(spec.InitContainers, spec.Containers) {
		csc := c.SecurityContext
		if csc == nil || csc.ReadOnlyRootFilesystem == nil || !*csc.ReadOnlyRootFilesystem {
			fail("container %s must have a read-only root filesystem", c.Name)
		}
		if csc == nil || csc.AllowPrivilegeEscalation == nil || *csc.AllowPrivilegeEscalation {
			fail("container %s must forbid privilege escalation", c.Name)
		}
		if csc == nil || csc.Capabilities == nil || !slices.Equal(csc.Capabilities.Drop, []corev1.Capability{"ALL"}) || len(csc.Capabilities.Add) > 0 {
			fail("container %s must drop ALL capabilities and add none", c.Name)
		}
		if csc != nil && csc.RunAsUser != nil && *csc.RunAsUser == 0 {
			fail("container %s runs as root (runAsUser 0)", c.Name)
		}
		image := c.Image
		if i := strings.LastIndex(image, "/"); i >= 0 {
			image = image[i+1:]
		}
		if _, tag, ok := strings.Cut(image, ":"); !ok || tag == "" || tag == "latest" {
			fail("container %s: image %q must name a tag other than latest", c.Name, c.Image)
		}
		for _, r := range []corev1.ResourceName{corev1.ResourceCPU, corev1.ResourceMemory} {
			req, okReq := c.Resources.Requests[r]
			lim, okLim := c.Resources.Limits[r]
			switch {
			case !okReq || !okLim:
				fail("container %s must request and limit %s", c.Name, r)
			case lim.Cmp(req) < 0:
				fail("container %s: %s limit below its request", c.Name, r)
			}
		}
		tmp := false
		for _, m := range c.VolumeMounts {
			if _, ok := volumes[m.Name]; !ok {
				fail("container %s mounts %s, which is not a volume of the pod", c.Name, m.Name)
			}
			if m.MountPath == "/tmp" && volumes[m.Name].EmptyDir != nil {
				tmp = true
			}
		}
		if !tmp {
			fail("container %s needs an emptyDir on /tmp beside its read-only root filesystem", c.Name)
		}
		for _, ef := range c.EnvFrom {
			if ef.ConfigMapRef != nil && configMaps[ef.ConfigMapRef.Name] == nil {
				fail("container %s reads ConfigMap %s, which is not among the manifests", c.Name, ef.ConfigMapRef.Name)
			}
		}
		seen := false
		for _, e := range c.Env {
			if strings.Contains(e.Value, "postgres://") || strings.Contains(e.Value, "postgresql://") {
				fail("container %s: %s holds a database URL in the manifest", c.Name, e.Name)
			}
			if e.Name == "DATABASE_URL" {
				seen = true
				if e.ValueFrom == nil || e.ValueFrom.SecretKeyRef == nil {
					fail("container %s: DATABASE_URL must come from a Secret", c.Name)
				}
			}
			if e.Name == "SESSION_SECRET" && !hasSecretEnv(c, "SESSION_SECRET") {
				fail("container %s: SESSION_SECRET must come from a Secret", c.Name)
			}
		}
		if !seen {
			fail("container %s has no DATABASE_URL", c.Name)
		}
	}
	return errs
}

func container(spec corev1.PodSpec, name string) (corev1.Container, bool) {
	for _, c := range spec.Containers {
		if c.Name == name {
			return c, true
		}
	}
	return corev1.Container{}, false
}

// configEnv is a container's environment from its ConfigMaps and plain values.
func configEnv(c corev1.Container, configMaps map[string]*corev1.ConfigMap) map[string]string {
	env := map[string]string{}
	for _, ef := range c.EnvFrom {
		if ef.ConfigMapRef != nil && configMaps[ef.ConfigMapRef.Name] != nil {
			for k, v := range configMaps[ef.ConfigMapRef.Name].Data {
				env[ef.Prefix+k] = v
			}
		}
	}
	for _, e := range c.Env {
		if e.ValueFrom == nil {
			env[e.Name] = e.Value
		}
	}
	return env
}

func secretRef(e corev1.EnvVar) *corev1.SecretKeySelector {
	if e.ValueFrom == nil {
		return nil
	}
	return e.ValueFrom.SecretKeyRef
}

func hasSecretEnv(c corev1.Container, name string) bool {
	for _, e := range c.Env {
		if e.Name == name {
			return secretRef(e) != nil && e.Value == ""
		}
	}
	return false
}

// metaSelector is a label selector of the API as one to match with; a nil one matches nothing.
func metaSelector(s *metav1.LabelSelector) (labels.Selector, error) {
	if s == nil {
		return labels.Nothing(), nil
	}
	return metav1.LabelSelectorAsSelector(s)
}

func deref[T any](p *T) any {
	if p == nil {
		return nil
	}
	return *p
}

// TestRestorePod decodes the restore pod strictly and holds it to the rules of every pod.
func TestRestorePod(t *testing.T) {
	b, err := os.ReadFile("k8s/restore/pod.yaml")
	if err != nil {
		t.Fatal(err)
	}
	obj, err := Decode(b)
	if err != nil {
		t.Fatal(err)
	}
	pod, ok := obj.Value.(*corev1.Pod)
	if !ok {
		t.Fatalf("k8s/restore/pod.yaml holds a %s, want a Pod", obj.Kind)
	}
	claims := map[string]bool{"tiertracker-backups": true, "tiertracker-files": true}
	for _, err := range checkPod("Pod "+pod.Name, pod.Spec, nil, claims) {
		t.Error(err)
	}
}
