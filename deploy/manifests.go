// Package deploy renders the Kubernetes manifests under k8s/ with kustomize and decodes every
// object strictly into its API type, so that tests can check what a cluster would be given.
package deploy

import (
	"bytes"
	"fmt"

	appsv1 "k8s.io/api/apps/v1"
	autoscalingv2 "k8s.io/api/autoscaling/v2"
	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"
	networkingv1 "k8s.io/api/networking/v1"
	policyv1 "k8s.io/api/policy/v1"
	"k8s.io/apimachinery/pkg/api/resource"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/runtime/serializer"
	kjson "sigs.k8s.io/json"
	"sigs.k8s.io/kustomize/api/krusty"
	"sigs.k8s.io/kustomize/kyaml/filesys"
	"sigs.k8s.io/yaml"
)

// Object is one rendered manifest, decoded into its API type: a pointer such as
// *appsv1.Deployment, or *CNPGCluster for CloudNativePG's Cluster.
type Object struct {
	APIVersion string
	Kind       string
	Name       string
	Namespace  string
	Value      runtime.Object
}

// decoder decodes the built-in kinds that the manifests use, strictly: an unknown field, a field
// spelt in another case, a duplicate field or a value of the wrong type is an error, as it is for
// the API server's strict field validation. A kind outside the scheme is an error too.
var decoder = func() runtime.Decoder {
	scheme := runtime.NewScheme()
	for _, add := range []func(*runtime.Scheme) error{
		corev1.AddToScheme, appsv1.AddToScheme, batchv1.AddToScheme, networkingv1.AddToScheme,
		autoscalingv2.AddToScheme, policyv1.AddToScheme,
	} {
		if err := add(scheme); err != nil {
			panic(err)
		}
	}
	return serializer.NewCodecFactory(scheme, serializer.EnableStrict).UniversalDeserializer()
}()

// Render builds the kustomization in dir (an overlay, the base or a copy of them) with kustomize's
// default options, as `kubectl apply -k` would, and decodes every resource it produces.
func Render(fSys filesys.FileSystem, dir string) ([]Object, error) {
	resources, err := krusty.MakeKustomizer(krusty.MakeDefaultOptions()).Run(fSys, dir)
	if err != nil {
		return nil, fmt.Errorf("kustomize build %s: %w", dir, err)
	}
	var objects []Object
	for _, r := range resources.Resources() {
		doc, err := r.AsYAML()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", r.CurId(), err)
		}
		obj, err := Decode(doc)
		if err != nil {
			return nil, fmt.Errorf("%s %s: %w", r.GetKind(), r.GetName(), err)
		}
		objects = append(objects, obj)
	}
	return objects, nil
}

// Decode decodes one YAML document strictly into the type its apiVersion and kind name.
func Decode(doc []byte) (Object, error) {
	var head metav1.PartialObjectMetadata
	if err := yaml.Unmarshal(doc, &head); err != nil {
		return Object{}, err
	}
	var value runtime.Object
	if head.APIVersion == CNPGAPIVersion && head.Kind == "Cluster" {
		c, err := decodeCNPGCluster(doc)
		if err != nil {
			return Object{}, err
		}
		value = c
	} else {
		v, _, err := decoder.Decode(doc, nil, nil)
		if err != nil {
			return Object{}, err
		}
		value = v
	}
	return Object{APIVersion: head.APIVersion, Kind: head.Kind, Name: head.Name, Namespace: head.Namespace, Value: value}, nil
}

// CNPGAPIVersion is the API group and version of CloudNativePG's resources.
const CNPGAPIVersion = "postgresql.cnpg.io/v1"

// CNPGCluster is the part of CloudNativePG's Cluster that these manifests use, typed after the
// operator's API reference. The operator's own Go types are not on the module proxy in a form that
// builds light, so this smaller struct stands in: a field of the Cluster outside it is refused by
// the strict decoding as unknown, so a new field must be added here, with its type, before a
// manifest may use it.
type CNPGCluster struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata"`
	Spec              CNPGClusterSpec `json:"spec"`
}

// CNPGClusterSpec is the Cluster's spec, as far as CNPGCluster goes.
type CNPGClusterSpec struct {
	Instances             int                         `json:"instances"`
	ImageName             string                      `json:"imageName,omitempty"`
	PrimaryUpdateStrategy string                      `json:"primaryUpdateStrategy,omitempty"`
	EnableSuperuserAccess *bool                       `json:"enableSuperuserAccess,omitempty"`
	PostgreSQL            *CNPGPostgresConfiguration  `json:"postgresql,omitempty"`
	Bootstrap             *CNPGBootstrap              `json:"bootstrap,omitempty"`
	Storage               CNPGStorage                 `json:"storage"`
	WALStorage            *CNPGStorage                `json:"walStorage,omitempty"`
	Resources             corev1.ResourceRequirements `json:"resources,omitempty"`
	Affinity              *CNPGAffinity               `json:"affinity,omitempty"`
}

// CNPGPostgresConfiguration is the Cluster's spec.postgresql.
type CNPGPostgresConfiguration struct {
	Parameters map[string]string `json:"parameters,omitempty"`
}

// CNPGBootstrap is the Cluster's spec.bootstrap.
type CNPGBootstrap struct {
	InitDB *CNPGInitDB `json:"initdb,omitempty"`
}

// CNPGInitDB is the Cluster's spec.bootstrap.initdb: the application's database and its owner,
// whose credentials the operator keeps in the Secret "<cluster>-app".
type CNPGInitDB struct {
	Database string `json:"database"`
	Owner    string `json:"owner"`
}

// CNPGStorage is the Cluster's spec.storage and spec.walStorage.
type CNPGStorage struct {
	Size         resource.Quantity `json:"size"`
	StorageClass *string           `json:"storageClass,omitempty"`
}

// CNPGAffinity is the Cluster's spec.affinity.
type CNPGAffinity struct {
	EnablePodAntiAffinity *bool  `json:"enablePodAntiAffinity,omitempty"`
	TopologyKey           string `json:"topologyKey,omitempty"`
}

// DeepCopyObject lets a CNPGCluster stand where a runtime.Object does; it is not used to copy.
func (c *CNPGCluster) DeepCopyObject() runtime.Object {
	out := *c
	return &out
}

func decodeCNPGCluster(doc []byte) (*CNPGCluster, error) {
	js, err := yaml.YAMLToJSONStrict(doc)
	if err != nil {
		return nil, err
	}
	var c CNPGCluster
	strict, err := kjson.UnmarshalStrict(js, &c)
	if err != nil {
		return nil, err
	}
	if len(strict) > 0 {
		var b bytes.Buffer
		for i, e := range strict {
			if i > 0 {
				b.WriteString("; ")
			}
			b.WriteString(e.Error())
		}
		return nil, fmt.Errorf("strict decoding error: %s", b.String())
	}
	switch c.Spec.PrimaryUpdateStrategy {
	case "", "supervised", "unsupervised":
	default:
		return nil, fmt.Errorf("spec.primaryUpdateStrategy must be supervised or unsupervised, not %q", c.Spec.PrimaryUpdateStrategy)
	}
	return &c, nil
}
