// Command get-self calls the API with a token and prints who it belongs to
// (Go 1.18+, standard library only: `go run main.go`).
package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"time"
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
	client := &http.Client{Timeout: 30 * time.Second}
	response, err := client.Do(request)
	if err != nil {
		var netErr net.Error
		if errors.As(err, &netErr) && netErr.Timeout() {
			fail("the portal did not answer within 30 s")
		}
		fail("cannot reach the portal: %v", err)
	}
	defer response.Body.Close()

	var answer envelope
	_ = json.NewDecoder(response.Body).Decode(&answer) // a 401 may come with an empty body
	if response.StatusCode < 200 || response.StatusCode > 299 {
		message := answer.Error.Message
		if message == "" {
			message = "(no error message)"
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
