package airline_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"strings"
	"testing"

	"github.com/toolgym/toolgym/env/taubench"
	"github.com/toolgym/toolgym/env/taubench/airline"
	"github.com/toolgym/toolgym/env/taubench/internal/tautest"
	"github.com/toolgym/toolgym/tool"
)

type call struct {
	name, args string
	// want is the observation, or "sha256:<hex>" of a long one.
	want string
}

// toolCases are call sequences, each on a fresh env, with the
// observations and final data hash ("" when unchanged) the reference
// gives (computed by running its tools under CPython 3.11). They walk
// every tool's error paths, with arguments of wrong types among them.
var toolCases = []struct {
	name  string
	calls []call
	hash  string
}{
	{"book", []call{
		{"book_reservation", `{"user_id": "mia_li_3668", "origin": "JFK", "destination": "SEA", "flight_type": "one_way", "cabin": "economy", "flights": [{"flight_number": "HAT136", "date": "2024-05-20"}, {"flight_number": "HAT039", "date": "2024-05-20"}], "passengers": [{"first_name": "Mia", "last_name": "Li", "dob": "1990-04-05"}], "payment_methods": [{"payment_id": "certificate_7504069", "amount": 250}, {"payment_id": "credit_card_4421486", "amount": 5}], "total_baggages": 3, "nonfree_baggages": 0, "insurance": "no"}`, "sha256:2ea4178360865ac23aeb7ac57f09cbbdcec8aa7466bd04240bc652ae52d8d0aa"},
		{"book_reservation", `{"user_id": "mia_li_3668", "origin": "JFK", "destination": "SEA", "flight_type": "one_way", "cabin": "economy", "flights": [{"flight_number": "HAT136", "date": "2024-05-20"}, {"flight_number": "HAT039", "date": "2024-05-20"}], "passengers": [{"first_name": "Mia", "last_name": "Li", "dob": "1990-04-05"}], "payment_methods": [{"payment_id": "certificate_7504069", "amount": 250}, {"payment_id": "credit_card_4421486", "amount": 5}], "total_baggages": 3, "nonfree_baggages": 0, "insurance": "no"}`, "Error: payment method certificate_7504069 not found"},
		{"book_reservation", `{"user_id": "mia_li_3668", "origin": "JFK", "destination": "SEA", "flight_type": "one_way", "cabin": "economy", "flights": [{"flight_number": "HAT136", "date": "2024-05-20"}, {"flight_number": "HAT039", "date": "2024-05-20"}], "passengers": [{"first_name": "Mia", "last_name": "Li", "dob": "1990-04-05"}], "payment_methods": [{"payment_id": "credit_card_4421486", "amount": 255}], "total_baggages": 3, "nonfree_baggages": 0, "insurance": "no"}`, "sha256:902ae7b785bad9738fd7cdb4af0fd7ecd7a421ffc10fdfba9c0b1405d347243a"},
		{"book_reservation", `{"user_id": "mia_li_3668", "origin": "JFK", "destination": "SEA", "flight_type": "one_way", "cabin": "economy", "flights": [{"flight_number": "HAT136", "date": "2024-05-20"}, {"flight_number": "HAT039", "date": "2024-05-20"}], "passengers": [{"first_name": "Mia", "last_name": "Li", "dob": "1990-04-05"}], "payment_methods": [{"payment_id": "credit_card_4421486", "amount": 255}], "total_baggages": 3, "nonfree_baggages": 0, "insurance": "no"}`, "sha256:dad36cf87bfb49df32ca8d619a80ffab3a9586ef9582063f85fd9803c5eb1871"},
		{"book_reservation", `{"user_id": "mia_li_3668", "origin": "JFK", "destination": "SEA", "flight_type": "one_way", "cabin": "economy", "flights": [{"flight_number": "HAT136", "date": "2024-05-20"}, {"flight_number": "HAT039", "date": "2024-05-20"}], "passengers": [{"first_name": "Mia", "last_name": "Li", "dob": "1990-04-05"}], "payment_methods": [{"payment_id": "credit_card_4421486", "amount": 255}], "total_baggages": 3, "nonfree_baggages": 0, "insurance": "no"}`, "sha256:dad36cf87bfb49df32ca8d619a80ffab3a9586ef9582063f85fd9803c5eb1871"},
		{"get_user_details", `{"user_id": "mia_li_3668"}`, "sha256:ba6ca7135b267e9db38819d1d79a06413e297cea51ab54823cd8d1428a5cd8ed"},
	}, "f2707c91f0b3fd56baaf95d3cf930a502add9194a78633046c849d325f96c9b4"},
	{"book errors", []call{
		{"book_reservation", `{"user_id": "nobody_1", "origin": "JFK", "destination": "SEA", "flight_type": "one_way", "cabin": "economy", "flights": [{"flight_number": "HAT136", "date": "2024-05-20"}, {"flight_number": "HAT039", "date": "2024-05-20"}], "passengers": [{"first_name": "Mia", "last_name": "Li", "dob": "1990-04-05"}], "payment_methods": [{"payment_id": "certificate_7504069", "amount": 250}, {"payment_id": "credit_card_4421486", "amount": 5}], "total_baggages": 3, "nonfree_baggages": 0, "insurance": "no"}`, "Error: user not found"},
		{"book_reservation", `{"user_id": "mia_li_3668", "origin": "JFK", "destination": "SEA", "flight_type": "one_way", "cabin": "economy", "flights": [{"flight_number": "HAT999", "date": "2024-05-20"}], "passengers": [{"first_name": "Mia", "last_name": "Li", "dob": "1990-04-05"}], "payment_methods": [{"payment_id": "certificate_7504069", "amount": 250}, {"payment_id": "credit_card_4421486", "amount": 5}], "total_baggages": 3, "nonfree_baggages": 0, "insurance": "no"}`, "Error: flight HAT999 not found"},
		{"book_reservation", `{"user_id": "mia_li_3668", "origin": "JFK", "destination": "SEA", "flight_type": "one_way", "cabin": "economy", "flights": [{"flight_number": "HAT136", "date": "2024-06-20"}], "passengers": [{"first_name": "Mia", "last_name": "Li", "dob": "1990-04-05"}], "payment_methods": [{"payment_id": "certificate_7504069", "amount": 250}, {"payment_id": "credit_card_4421486", "amount": 5}], "total_baggages": 3, "nonfree_baggages": 0, "insurance": "no"}`, "Error: flight HAT136 not found on date 2024-06-20"},
		{"book_reservation", `{"user_id": "mia_li_3668", "origin": "JFK", "destination": "SEA", "flight_type": "one_way", "cabin": "economy", "flights": [{"flight_number": "HAT001", "date": "2024-05-01"}], "passengers": [{"first_name": "Mia", "last_name": "Li", "dob": "1990-04-05"}], "payment_methods": [{"payment_id": "certificate_7504069", "amount": 250}, {"payment_id": "credit_card_4421486", "amount": 5}], "total_baggages": 3, "nonfree_baggages": 0, "insurance": "no"}`, "Error: flight HAT001 not available on date 2024-05-01"},
		{"book_reservation", `{"user_id": "mia_li_3668", "origin": "JFK", "destination": "SEA", "flight_type": "one_way", "cabin": "economy", "flights": [{"flight_number": "HAT001", "date": "2024-05-16"}], "passengers": [{"first_name": "Mia", "last_name": "Li", "dob": "1990-04-05"}, {"first_name": "Mia", "last_name": "Li", "dob": "1990-04-05"}, {"first_name": "Mia", "last_name": "Li", "dob": "1990-04-05"}, {"first_name": "Mia", "last_name": "Li", "dob": "1990-04-05"}, {"first_name": "Mia", "last_name": "Li", "dob": "1990-04-05"}, {"first_name": "Mia", "last_name": "Li", "dob": "1990-04-05"}, {"first_name": "Mia", "last_name": "Li", "dob": "1990-04-05"}, {"first_name": "Mia", "last_name": "Li", "dob": "1990-04-05"}, {"first_name": "Mia", "last_name": "Li", "dob": "1990-04-05"}, {"first_name": "Mia", "last_name": "Li", "dob": "1990-04-05"}, {"first_name": "Mia", "last_name": "Li", "dob": "1990-04-05"}, {"first_name": "Mia", "last_name": "Li", "dob": "1990-04-05"}, {"first_name": "Mia", "last_name": "Li", "dob": "1990-04-05"}, {"first_name": "Mia", "last_name": "Li", "dob": "1990-04-05"}, {"first_name": "Mia", "last_name": "Li", "dob": "1990-04-05"}, {"first_name": "Mia", "last_name": "Li", "dob": "1990-04-05"}, {"first_name": "Mia", "last_name": "Li", "dob": "1990-04-05"}, {"first_name": "Mia", "last_name": "Li", "dob": "1990-04-05"}, {"first_name": "Mia", "last_name": "Li", "dob": "1990-04-05"}, {"first_name": "Mia", "last_name": "Li", "dob": "1990-04-05"}], "payment_methods": [{"payment_id": "certificate_7504069", "amount": 250}, {"payment_id": "credit_card_4421486", "amount": 5}], "total_baggages": 3, "nonfree_baggages": 0, "insurance": "no"}`, "Error: not enough seats on flight HAT001"},
		{"book_reservation", `{"user_id": "mia_li_3668", "origin": "JFK", "destination": "SEA", "flight_type": "one_way", "cabin": "economy", "flights": [{"flight_number": "HAT136", "date": "2024-05-20"}, {"flight_number": "HAT039", "date": "2024-05-20"}], "passengers": [{"first_name": "Mia", "last_name": "Li", "dob": "1990-04-05"}], "payment_methods": [{"payment_id": "gift_card_0", "amount": 255}], "total_baggages": 3, "nonfree_baggages": 0, "insurance": "no"}`, "Error: payment method gift_card_0 not found"},
		{"book_reservation", `{"user_id": "mia_li_3668", "origin": "JFK", "destination": "SEA", "flight_type": "one_way", "cabin": "economy", "flights": [{"flight_number": "HAT136", "date": "2024-05-20"}, {"flight_number": "HAT039", "date": "2024-05-20"}], "passengers": [{"first_name": "Mia", "last_name": "Li", "dob": "1990-04-05"}], "payment_methods": [{"payment_id": "certificate_7504069", "amount": 1000}], "total_baggages": 3, "nonfree_baggages": 0, "insurance": "no"}`, "Error: not enough balance in payment method certificate_7504069"},
		{"book_reservation", `{"user_id": "mia_li_3668", "origin": "JFK", "destination": "SEA", "flight_type": "one_way", "cabin": "economy", "flights": [{"flight_number": "HAT136", "date": "2024-05-20"}, {"flight_number": "HAT039", "date": "2024-05-20"}], "passengers": [{"first_name": "Mia", "last_name": "Li", "dob": "1990-04-05"}], "payment_methods": [{"payment_id": "credit_card_4421486", "amount": 100}], "total_baggages": 3, "nonfree_baggages": 0, "insurance": "no"}`, "Error: payment amount does not add up, total price is 255, but paid 100"},
		{"book_reservation", `{"user_id": "mia_li_3668", "origin": "JFK", "destination": "SEA", "flight_type": "one_way", "cabin": "economy", "flights": [{"flight_number": "HAT136", "date": "2024-05-20"}, {"flight_number": "HAT039", "date": "2024-05-20"}], "passengers": [{"first_name": "Mia", "last_name": "Li", "dob": "1990-04-05"}], "payment_methods": [{"payment_id": "credit_card_4421486", "amount": 255.0}, {"payment_id": "credit_card_4421486", "amount": 0.5}], "total_baggages": 3, "nonfree_baggages": 0, "insurance": "no"}`, "Error: payment amount does not add up, total price is 255, but paid 255.5"},
		{"book_reservation", `{"user_id": "mia_li_3668", "origin": "JFK", "destination": "SEA", "flight_type": "one_way", "cabin": "first", "flights": [{"flight_number": "HAT136", "date": "2024-05-20"}, {"flight_number": "HAT039", "date": "2024-05-20"}], "passengers": [{"first_name": "Mia", "last_name": "Li", "dob": "1990-04-05"}], "payment_methods": [{"payment_id": "certificate_7504069", "amount": 250}, {"payment_id": "credit_card_4421486", "amount": 5}], "total_baggages": 3, "nonfree_baggages": 0, "insurance": "no"}`, "Error: 'first'"},
		{"book_reservation", `{"user_id": "mia_li_3668", "origin": "JFK", "destination": "SEA", "flight_type": "one_way", "cabin": "economy", "flights": "HAT136", "passengers": [{"first_name": "Mia", "last_name": "Li", "dob": "1990-04-05"}], "payment_methods": [{"payment_id": "certificate_7504069", "amount": 250}, {"payment_id": "credit_card_4421486", "amount": 5}], "total_baggages": 3, "nonfree_baggages": 0, "insurance": "no"}`, "Error: string indices must be integers, not 'str'"},
		{"book_reservation", `{"user_id": "mia_li_3668", "origin": "JFK", "destination": "SEA", "flight_type": "one_way", "cabin": "economy", "flights": [{"flight_number": "HAT136", "date": "2024-05-20"}, {"flight_number": "HAT039", "date": "2024-05-20"}], "passengers": [{"first_name": "Mia", "last_name": "Li", "dob": "1990-04-05"}], "payment_methods": [{"payment_id": "certificate_7504069", "amount": 250}, {"payment_id": "credit_card_4421486", "amount": 5}], "total_baggages": 3, "nonfree_baggages": "2", "insurance": "no"}`, "Error: unsupported operand type(s) for +=: 'int' and 'str'"},
		{"book_reservation", `{"user_id": "mia_li_3668", "origin": "JFK", "destination": "SEA", "flight_type": "one_way", "cabin": "economy", "flights": [{"flight_number": "HAT136", "date": "2024-05-20"}, {"flight_number": "HAT039", "date": "2024-05-20"}], "passengers": 5, "payment_methods": [{"payment_id": "certificate_7504069", "amount": 250}, {"payment_id": "credit_card_4421486", "amount": 5}], "total_baggages": 3, "nonfree_baggages": 0, "insurance": "no"}`, "Error: object of type 'int' has no len()"},
		{"book_reservation", `{"user_id": "mia_li_3668", "origin": "JFK", "destination": "SEA", "flight_type": "one_way", "cabin": "economy", "flights": [{"flight_number": "HAT136", "date": "2024-05-20"}, {"flight_number": "HAT039", "date": "2024-05-20"}], "passengers": [{"first_name": "Mia", "last_name": "Li", "dob": "1990-04-05"}], "payment_methods": [{"payment_id": "certificate_7504069", "amount": 250}, {"payment_id": "credit_card_4421486", "amount": 5}], "total_baggages": 3, "nonfree_baggages": 0, "insurance": "yes"}`, "Error: payment amount does not add up, total price is 285, but paid 255"},
		{"book_reservation", `{"user_id": "mia_li_3668", "origin": "JFK", "destination": "SEA", "flight_type": "one_way", "cabin": "economy", "flights": [], "passengers": [{"first_name": "Mia", "last_name": "Li", "dob": "1990-04-05"}], "payment_methods": [{"payment_id": "certificate_7504069", "amount": 250}, {"payment_id": "credit_card_4421486", "amount": 5}], "total_baggages": 3, "nonfree_baggages": 0, "insurance": "no"}`, "Error: payment amount does not add up, total price is 0, but paid 255"},
		{"book_reservation", `{"user_id": "mia_li_3668", "origin": "JFK", "destination": "SEA", "flight_type": "one_way", "cabin": "economy", "flights": [{"flight_number": "HAT136", "date": "2024-05-20"}, {"flight_number": "HAT039", "date": "2024-05-20"}], "passengers": [{"first_name": "Mia", "last_name": "Li", "dob": "1990-04-05"}], "payment_methods": [{"payment_id": "credit_card_4421486", "amount": "255"}], "total_baggages": 3, "nonfree_baggages": 0, "insurance": "no"}`, "Error: unsupported operand type(s) for +: 'int' and 'str'"},
		{"book_reservation", `{"user_id": "mia_li_3668", "origin": "JFK", "destination": "SEA", "flight_type": "one_way", "cabin": "economy", "flights": [{"flight_number": "HAT136", "date": "2024-05-20"}, {"flight_number": "HAT039", "date": "2024-05-20"}], "passengers": [{"first_name": "Mia", "last_name": "Li", "dob": "1990-04-05"}], "payment_methods": [{"payment_id": "credit_card_4421486"}], "total_baggages": 3, "nonfree_baggages": 0, "insurance": "no"}`, "Error: 'amount'"},
	}, ""},
	{"book duplicate certificate", []call{
		{"book_reservation", `{"user_id": "mia_li_3668", "origin": "JFK", "destination": "SEA", "flight_type": "one_way", "cabin": "economy", "flights": [{"flight_number": "HAT136", "date": "2024-05-20"}, {"flight_number": "HAT039", "date": "2024-05-20"}], "passengers": [{"first_name": "Mia", "last_name": "Li", "dob": "1990-04-05"}], "payment_methods": [{"payment_id": "certificate_7504069", "amount": 125}, {"payment_id": "certificate_7504069", "amount": 130}], "total_baggages": 3, "nonfree_baggages": 0, "insurance": "no"}`, "Error: 'certificate_7504069'"},
		{"get_user_details", `{"user_id": "mia_li_3668"}`, "sha256:2358a3cd7323db7b4971a56696d8abdd448f8cd121f445b68babc7819c70d0ae"},
	}, "56daa4f15db07e737981cabb755663fa11b7ed72f0adf1cf984dd77d9727434d"},
	{"book with gift card", []call{
		{"book_reservation", `{"user_id": "mei_hernandez_8984", "origin": "JFK", "destination": "SEA", "flight_type": "one_way", "cabin": "economy", "flights": [{"flight_number": "HAT136", "date": "2024-05-20"}, {"flight_number": "HAT039", "date": "2024-05-20"}], "passengers": [{"first_name": "Mia", "last_name": "Li", "dob": "1990-04-05"}], "payment_methods": [{"payment_id": "gift_card_5309492", "amount": 55}, {"payment_id": "credit_card_2140654", "amount": 200}], "total_baggages": 3, "nonfree_baggages": 0, "insurance": "no"}`, "sha256:2e3e04f79459fe0e2a5e357542cd9c164e97e3420dfc8d67911d5402f137380e"},
		{"get_user_details", `{"user_id": "mei_hernandez_8984"}`, "sha256:8262fe4da1a8d423e5c17ac7163c0733839393f2aaa87f6b35fda3249e073873"},
	}, "46edddb5c772b1c7f08aab68bf7a50c58b6edec1a3c537d22f76bdaf96ee4f5c"},
	{"cancel", []call{
		{"cancel_reservation", `{"reservation_id": "R9QDGB"}`, "sha256:c81a52ef3c94455208140d7b99b43a91a790be99629f856d2ced2f25d25132a2"},
		{"cancel_reservation", `{"reservation_id": "R9QDGB"}`, "sha256:41e772e04b28c05d3010161d8d6cf5c95acfd7c9e554c4932497f2073314f9ef"},
		{"cancel_reservation", `{"reservation_id": "ZZZZZZ"}`, "Error: reservation not found"},
		{"cancel_reservation", `{"reservation_id": 5}`, "Error: reservation not found"},
		{"cancel_reservation", `{"reservation_id": {}}`, "Error: unhashable type: 'dict'"},
	}, "04b5496a938800685fb01b02f73ea1f743eca6eab6d95975f6dc7e826b6bc4f5"},
	{"details", []call{
		{"get_reservation_details", `{"reservation_id": "R9QDGB"}`, "sha256:84d59b5dc03097ee5e8a1d22c2468a340067dea407a0eec6251800d5ad873784"},
		{"get_reservation_details", `{"reservation_id": "ZZZZZZ"}`, "Error: user not found"},
		{"get_user_details", `{"user_id": "mei_hernandez_8984"}`, "sha256:92bfb2c14ef6b3d1f9f53d396b6b94d6d372b7eba0d8f5dc0985f24e5d2d3631"},
		{"get_user_details", `{"user_id": "nobody"}`, "Error: user not found"},
		{"list_all_airports", `{}`, "sha256:01d5742ada6b9d555879bf2677a99c8d0ffa80e66221bec5484112857b62a1a3"},
	}, ""},
	{"search", []call{
		{"search_direct_flight", `{"origin": "PHL", "destination": "LGA", "date": "2024-05-16"}`, "sha256:498534caa2516109ad294523723c91df51e7097865c780d61c16846ff86663b6"},
		{"search_direct_flight", `{"origin": "PHL", "destination": "LGA", "date": 20240516}`, "[]"},
		{"search_direct_flight", `{"origin": "PHL", "destination": "LGA", "date": ["2024-05-16"]}`, "Error: unhashable type: 'list'"},
		{"search_direct_flight", `{"origin": "XXX", "destination": "LGA", "date": ["2024-05-16"]}`, "[]"},
		{"search_onestop_flight", `{"origin": "JFK", "destination": "SEA", "date": "2024-05-20"}`, "sha256:01ee9877b2e2f9146880fed80b50f169b0803be6707d401d8c26cbae1207dc6c"},
		{"search_onestop_flight", `{"origin": "JFK", "destination": "SEA", "date": "2024-05-x0"}`, "[]"},
		{"search_onestop_flight", `{"origin": "JFK", "destination": "SEA", "date": 5}`, "[]"},
		{"search_onestop_flight", `{"origin": "JFK", "destination": "SEA", "date": "2024-05-30"}`, "sha256:b4ab078e390dd379775baea7d9f3c5de54a08356503cee9013ff95a2f5c376af"},
		{"search_onestop_flight", `{"origin": "JFK", "destination": "SEA", "date": ["2024-05-20"]}`, "Error: unhashable type: 'list'"},
	}, ""},
	{"certificates", []call{
		{"send_certificate", `{"user_id": "mei_hernandez_8984", "amount": 100}`, "Certificate certificate_3221322 added to user mei_hernandez_8984 with amount 100."},
		{"send_certificate", `{"user_id": "mei_hernandez_8984", "amount": 150.0}`, "Certificate certificate_3221323 added to user mei_hernandez_8984 with amount 150.0."},
		{"send_certificate", `{"user_id": "mei_hernandez_8984", "amount": "abc"}`, "Certificate certificate_3221324 added to user mei_hernandez_8984 with amount abc."},
		{"send_certificate", `{"user_id": "mei_hernandez_8984", "amount": 100}`, "None"},
		{"send_certificate", `{"user_id": "nobody", "amount": 100}`, "Error: user not found"},
		{"send_certificate", `{"user_id": ["x"], "amount": 100}`, "Error: unhashable type: 'list'"},
	}, "1a100ec2f29db01f202d35a5ddde3d4c24b32230e79d52895a851ff64a34737e"},
	{"baggages", []call{
		{"update_reservation_baggages", `{"reservation_id": "ZZZZZZ", "total_baggages": 3, "nonfree_baggages": 2, "payment_id": "credit_card_6082923"}`, "Error: reservation not found"},
		{"update_reservation_baggages", `{"reservation_id": "R9QDGB", "total_baggages": 3, "nonfree_baggages": 2, "payment_id": "x"}`, "Error: payment method not found"},
		{"update_reservation_baggages", `{"reservation_id": "R9QDGB", "total_baggages": 3, "nonfree_baggages": 2, "payment_id": "certificate_7502997"}`, "Error: certificate cannot be used to update reservation"},
		{"update_reservation_baggages", `{"reservation_id": "R9QDGB", "total_baggages": 3, "nonfree_baggages": 2, "payment_id": "gift_card_5309492"}`, "Error: gift card balance is not enough"},
		{"update_reservation_baggages", `{"reservation_id": "R9QDGB", "total_baggages": 3, "nonfree_baggages": "2", "payment_id": "gift_card_5309492"}`, "Error: unsupported operand type(s) for -: 'str' and 'int'"},
		{"update_reservation_baggages", `{"reservation_id": "R9QDGB", "total_baggages": 3, "nonfree_baggages": 1, "payment_id": "gift_card_5309492"}`, "sha256:98d4af318fc6b27052f16f049a7a4921b097eb520729c9a0dd5b2d8a89b6151f"},
		{"update_reservation_baggages", `{"reservation_id": "R9QDGB", "total_baggages": 4, "nonfree_baggages": 2, "payment_id": "credit_card_6082923"}`, "sha256:b3ad6ebf1b29db467b7fff6c4973bc84b3673784d4bfe5e41c3d22ba8656b727"},
		{"update_reservation_baggages", `{"reservation_id": "R9QDGB", "total_baggages": 1, "nonfree_baggages": 0, "payment_id": "credit_card_6082923"}`, "sha256:54cf1382bc102ffe064dae3bcdfb853b7b5397f277c70a1e8fe2b7d54595590c"},
		{"update_reservation_baggages", `{"reservation_id": "R9QDGB", "total_baggages": 1, "nonfree_baggages": 1.5, "payment_id": "gift_card_5309492"}`, "Error: gift card balance is not enough"},
	}, "8a55a5b0441bf92cbaf030a2d2cbec763f738b7e3640488e0296603806d28797"},
	{"flights errors", []call{
		{"update_reservation_flights", `{"reservation_id": "ZZZZZZ", "cabin": "economy", "flights": [{"flight_number": "HAT034", "date": "2024-05-28"}, {"flight_number": "HAT026", "date": "2024-05-28"}, {"flight_number": "HAT247", "date": "2024-05-30"}, {"flight_number": "HAT232", "date": "2024-05-30"}], "payment_id": "credit_card_6082923"}`, "Error: reservation not found"},
		{"update_reservation_flights", `{"reservation_id": "R9QDGB", "cabin": "economy", "flights": [{"flight_number": "HAT999", "date": "2024-05-28"}], "payment_id": "credit_card_6082923"}`, "Error: flight HAT999 not found"},
		{"update_reservation_flights", `{"reservation_id": "R9QDGB", "cabin": "business", "flights": [{"flight_number": "HAT034", "date": "2024-06-28"}], "payment_id": "credit_card_6082923"}`, "Error: flight HAT034 not found on date 2024-06-28"},
		{"update_reservation_flights", `{"reservation_id": "R9QDGB", "cabin": "economy", "flights": [{"flight_number": "HAT001", "date": "2024-05-01"}], "payment_id": "credit_card_6082923"}`, "Error: flight HAT001 not available on date 2024-05-01"},
		{"update_reservation_flights", `{"reservation_id": "R9QDGB", "cabin": "economy", "flights": [{"flight_number": "HAT034", "date": "2024-05-28"}, {"flight_number": "HAT026", "date": "2024-05-28"}, {"flight_number": "HAT247", "date": "2024-05-30"}, {"flight_number": "HAT232", "date": "2024-05-30"}], "payment_id": "x"}`, "Error: payment method not found"},
		{"update_reservation_flights", `{"reservation_id": "R9QDGB", "cabin": "economy", "flights": [{"flight_number": "HAT034", "date": "2024-05-28"}, {"flight_number": "HAT026", "date": "2024-05-28"}], "payment_id": "certificate_7502997"}`, "Error: certificate cannot be used to update reservation"},
		{"update_reservation_flights", `{"reservation_id": "R9QDGB", "cabin": "business", "flights": [{"flight_number": "HAT034", "date": "2024-05-28"}, {"flight_number": "HAT026", "date": "2024-05-28"}, {"flight_number": "HAT247", "date": "2024-05-30"}, {"flight_number": "HAT232", "date": "2024-05-30"}], "payment_id": "gift_card_5309492"}`, "Error: gift card balance is not enough"},
		{"update_reservation_flights", `{"reservation_id": "R9QDGB", "cabin": "first", "flights": [{"flight_number": "HAT034", "date": "2024-05-28"}, {"flight_number": "HAT026", "date": "2024-05-28"}, {"flight_number": "HAT247", "date": "2024-05-30"}, {"flight_number": "HAT232", "date": "2024-05-30"}], "payment_id": "credit_card_6082923"}`, "Error: 'first'"},
		{"update_reservation_flights", `{"reservation_id": "R9QDGB", "cabin": "economy", "flights": [5], "payment_id": "credit_card_6082923"}`, "Error: 'int' object is not subscriptable"},
		{"update_reservation_flights", `{"reservation_id": "R9QDGB", "cabin": "economy", "flights": [{"date": "2024-05-28"}], "payment_id": "credit_card_6082923"}`, "Error: 'flight_number'"},
		{"update_reservation_flights", `{"reservation_id": "R9QDGB", "cabin": "economy", "flights": "HAT", "payment_id": "credit_card_6082923"}`, "Error: string indices must be integers, not 'str'"},
	}, ""},
	{"flights same", []call{
		{"update_reservation_flights", `{"reservation_id": "R9QDGB", "cabin": "economy", "flights": [{"flight_number": "HAT034", "date": "2024-05-28"}, {"flight_number": "HAT026", "date": "2024-05-28"}, {"flight_number": "HAT247", "date": "2024-05-30"}, {"flight_number": "HAT232", "date": "2024-05-30"}], "payment_id": "credit_card_6082923"}`, "sha256:9587b5b63dc62e5e1b8c87f88136f1b2cfc37f4c46ae4b919541652c713c650d"},
		{"get_reservation_details", `{"reservation_id": "R9QDGB"}`, "sha256:9587b5b63dc62e5e1b8c87f88136f1b2cfc37f4c46ae4b919541652c713c650d"},
	}, ""},
	{"flights business", []call{
		{"update_reservation_flights", `{"reservation_id": "R9QDGB", "cabin": "business", "flights": [{"flight_number": "HAT034", "date": "2024-05-28"}, {"flight_number": "HAT026", "date": "2024-05-28"}, {"flight_number": "HAT247", "date": "2024-05-30"}, {"flight_number": "HAT232", "date": "2024-05-30"}], "payment_id": "credit_card_6082923"}`, "sha256:4d6e9557794724ade8ca8ba204946f19ec92b8e583543ee1a5b1e29449c8b8e8"},
		{"update_reservation_flights", `{"reservation_id": "R9QDGB", "cabin": "economy", "flights": [{"flight_number": "HAT034", "date": "2024-05-28"}, {"flight_number": "HAT026", "date": "2024-05-28"}], "payment_id": "credit_card_6082923"}`, "sha256:6b45c9c481151acbde312cbd82d7fbc48b68b49c513f60b014c09a7ffc26544e"},
	}, "bc3f3a4e710563d990b2e01a43b03d64368f2c97bd5bb5ceb4d03b7dcc7e846b"},
	{"flights gift card", []call{
		{"update_reservation_flights", `{"reservation_id": "R9QDGB", "cabin": "economy", "flights": [{"flight_number": "HAT034", "date": "2024-05-28"}, {"flight_number": "HAT026", "date": "2024-05-28"}], "payment_id": "gift_card_5309492"}`, "sha256:1639ae09b8ffcad83c36f0bc62defe2eaa0fd45ce6df98c59ade492332f76c13"},
	}, "23c3beccd29da281bb71e45a498b69b7d5f775ef42539c5286957688bb41eb3d"},
	{"passengers", []call{
		{"update_reservation_passengers", `{"reservation_id": "ZZZZZZ", "passengers": []}`, "Error: reservation not found"},
		{"update_reservation_passengers", `{"reservation_id": "R9QDGB", "passengers": []}`, "Error: number of passengers does not match"},
		{"update_reservation_passengers", `{"reservation_id": "R9QDGB", "passengers": 3}`, "Error: object of type 'int' has no len()"},
		{"update_reservation_passengers", `{"reservation_id": "R9QDGB", "passengers": [{"first_name": "A", "last_name": "B", "dob": "2000-01-01"}, {"first_name": "C", "last_name": "D", "dob": "2000-01-01"}, {"first_name": "E", "last_name": "F", "dob": "2000-01-01"}]}`, "sha256:cee1073e015a21c00c4c3ef2e5e4ccc584242c8ab34cc7a8ebed5c11c70d5f1c"},
		{"update_reservation_passengers", `{"reservation_id": "R9QDGB", "passengers": "abc"}`, "sha256:2d5bcdb3f668d81d68865f2b5d911c64b67ce7739d2e8c6cd3bfa127f6f7c8e5"},
		{"update_reservation_flights", `{"reservation_id": "R9QDGB", "cabin": "business", "flights": [{"flight_number": "HAT034", "date": "2024-05-28"}, {"flight_number": "HAT026", "date": "2024-05-28"}, {"flight_number": "HAT247", "date": "2024-05-30"}, {"flight_number": "HAT232", "date": "2024-05-30"}], "payment_id": "credit_card_6082923"}`, "sha256:f48d6998190011a223e70c73e7caab1f202036af0e221cf857adb43828a52c38"},
	}, "97833b23fc5dc8c8acc0afc47a54cd331f5bd845e699be01142543c46370de4c"},
	{"generic", []call{
		{"calculate", `{"expression": "250 + 5"}`, "255.0"},
		{"think", `{"thought": "x"}`, ""},
		{"transfer_to_human_agents", `{"summary": "s"}`, "Transfer successful"},
		{"no_such_tool", `{}`, "Unknown action no_such_tool"},
	}, ""},
}

// observation is the text a result shows, "None" for the reference's
// None, and the SHA-256 of a long one.
func observation(r tool.Result) string {
	if r.Error != nil && errors.Is(r.Error, taubench.ErrNoObservation) {
		return "None"
	}
	s := r.Text()
	if len(s) > 160 {
		sum := sha256.Sum256([]byte(s))
		return "sha256:" + hex.EncodeToString(sum[:])
	}
	return s
}

func TestToolCases(t *testing.T) {
	d := loadData(t)
	base := d.Hash()
	for _, tc := range toolCases {
		t.Run(tc.name, func(t *testing.T) {
			e := d.New()
			for _, c := range tc.calls {
				r := e.Call(context.Background(), tool.Call{ID: "c", Name: c.name, Arguments: c.args})
				if got := observation(r); got != c.want {
					t.Errorf("%s(%.120s) = %q, want %q", c.name, c.args, got, c.want)
				}
			}
			want := tc.hash
			if want == "" {
				want = base
			}
			if got := e.Hash(); got != want {
				t.Errorf("final hash %s, want %s", got, want)
			}
		})
	}
}

// TestCallErrors checks the argument errors Python raises when binding
// invoke's parameters, and the None that send_certificate returns once a
// user holds its three certificates.
func TestCallErrors(t *testing.T) {
	e := loadData(t).New()
	cases := []struct {
		name, args string
		kind       tool.Kind
		want       string
	}{
		{"book_reservation", `{"user_id": "mia_li_3668"}`, tool.KindInvalidArguments, "Error: BookReservation.invoke() missing 10 required positional arguments: 'origin', 'destination', 'flight_type', 'cabin', 'flights', 'passengers', 'payment_methods', 'total_baggages', 'nonfree_baggages', and 'insurance'"},
		{"update_reservation_baggages", `{"reservation_id": "R9QDGB", "total_baggages": 1, "nonfree_baggages": 0}`, tool.KindInvalidArguments, "Error: UpdateReservationBaggages.invoke() missing 1 required positional argument: 'payment_id'"},
		{"search_direct_flight", `{"origin": "JFK", "destination": "SEA", "date": "2024-05-20", "cabin": "economy"}`, tool.KindInvalidArguments, "Error: SearchDirectFlight.invoke() got an unexpected keyword argument 'cabin'"},
		{"list_all_airports", `{"data": 1}`, tool.KindInvalidArguments, "Error: tau_bench.envs.airline.tools.list_all_airports.ListAllAirports.invoke() got multiple values for keyword argument 'data'"},
		{"get_reservation_details", `{"reservation_id": ["R9QDGB"]}`, tool.KindFailed, "Error: unhashable type: 'list'"},
		{"get_reservation_details", `[]`, tool.KindInvalidJSON, "Error: arguments of get_reservation_details must be a JSON object, got an array"},
	}
	for _, c := range cases {
		r := e.Call(context.Background(), tool.Call{Name: c.name, Arguments: c.args})
		if r.Error == nil || r.Error.Kind != c.kind || r.Text() != c.want {
			t.Errorf("%s(%s) = %+v, want kind %s and %q", c.name, c.args, r, c.kind, c.want)
		}
	}
	for range 3 {
		if r := e.Call(context.Background(), tool.Call{Name: "send_certificate", Arguments: `{"user_id": "mia_li_3668", "amount": 50}`}); r.Error != nil {
			t.Fatal(r.Error)
		}
	}
	r := e.Call(context.Background(), tool.Call{Name: "send_certificate", Arguments: `{"user_id": "mia_li_3668", "amount": 50}`})
	if !errors.Is(r.Error, taubench.ErrNoObservation) || r.Error.Kind != taubench.KindNoObservation {
		t.Errorf("fourth certificate: %+v, want the no-observation error", r)
	}
}

// TestTools checks the specs against the reference's get_info(): the
// SHA-256 of json.dumps([tool.get_info() for tool in ALL_TOOLS]) as
// CPython prints it.
func TestTools(t *testing.T) {
	specs := airline.Tools()
	var names []string
	for _, s := range specs {
		names = append(names, s.Name)
		if err := s.Validate(); err != nil {
			t.Error(err)
		}
	}
	if got := strings.Join(names, " "); got != "book_reservation calculate cancel_reservation get_reservation_details get_user_details list_all_airports search_direct_flight search_onestop_flight send_certificate think transfer_to_human_agents update_reservation_baggages update_reservation_flights update_reservation_passengers" {
		t.Errorf("tools %s", got)
	}
	if got, want := tautest.InfoDigest(t, specs), "aa4c00d2b0ae4dcb6d38642e82062aa377f827dd887a44f57ffed6e20dec1904"; got != want {
		t.Errorf("get_info digest %s, want %s", got, want)
	}
}
