// Command get-self calls the API with a token and prints who it belongs to
// (Go 1.18+, standard library only: `go run .`).
package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"os"
)

const portal = "https://yourportal.onlyoffice.com"

// envelope is how the portal wraps every answer: the payload in response, or an error.
type envelope struct {
	Response struct {
		DisplayName string `json:"displayName"`
		Email       string `json:"email"`
	} `json:"response"`
	Error struct {
		Message string `json:"message"`
	} `json:"error"`
}

func main() {
	request, err := http.NewRequest(http.MethodGet, portal+"/api/2.0/people/@self", nil)
	if err != nil {
		fail("%v", err)
	}
	request.Header.Set("Authorization", "yourtoken")
	request.Header.Set("Accept", "application/json")
	response, err := http.DefaultClient.Do(request)
	if err != nil {
		fail("%v", err)
	}
	defer response.Body.Close()

	var answer envelope
	_ = json.NewDecoder(response.Body).Decode(&answer) // a 401 comes with an empty body
	if response.StatusCode < 200 || response.StatusCode > 299 {
		message := answer.Error.Message
		if message == "" {
			message = http.StatusText(response.StatusCode)
		}
		fail("HTTP %d: %s", response.StatusCode, message)
	}
	fmt.Println("displayName:", answer.Response.DisplayName)
	fmt.Println("email:", answer.Response.Email)
}

func fail(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "error: "+format+"\n", args...)
	os.Exit(1)
}
